/**
 * Search benchmark (issue 11, "Search at scale"): `/quote` on 1,000,000 key
 * quotes in Postgres. A throwaway cluster (as the tests start one: fsync
 * off, on loopback); skipped, with one row saying so, where Postgres is not
 * installed.
 *
 * A generated library of Arabic, English and French quotes (words drawn
 * from a Zipf distribution, so that a few are in most quotes and most in
 * few; Arabic words often behind و، ال، بال and with diacritics) is written
 * through `PostgresSearchWriter` (the insert throughput row), then copied in
 * Postgres up to a million quotes (new article ids and dates, the same
 * terms). Then `/quote` queries as users type them: very common words,
 * middling and rare ones, 3-letter prefixes, two words, a speaker, a speaker
 * and a word; p50 and p99 of each query's round trip from this process (the
 * work is the server's: this process's CPU time is reported beside it).
 */
import { availableParallelism } from 'node:os';
import type pg from 'pg';
import type { LibraryArticle } from '../src/library/types';
import { createPool, migratePostgres } from '../src/store/postgres';
import { OPERATOR_SCOPE, PostgresSearch } from '../src/store/postgres/search';
import { PostgresSearchWriter } from '../src/store/postgres/search-writer';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres } from '../tests/support/postgres';
import { median, percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'search';
/** Quotes searched. */
export const QUOTES = 1_000_000;
/** Quotes written through the writer (the rest are copies made in Postgres). */
const WRITTEN = 60_000;
const QUOTES_PER_ARTICLE = 3;
const GOAL_P99_MS = 50;

const ALPHABETS = {
  ar: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  en: 'abcdefghijklmnoprstuvwy',
  fr: 'abcdefghijlmnoprstuvéèàç',
};
const ARABIC_PREFIXES = ['و', 'ال', 'وال', 'بال', 'لل'];
const DIACRITICS = ['\u064e', '\u064f', '\u0650', '\u0651'];
const VOCABULARY = 20_000;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32: exact 32-bit integer steps, a period of 2^32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Language = keyof typeof ALPHABETS;

/** Words of one language, most frequent first. */
function vocabulary(language: Language, next: () => number): string[] {
  const letters = [...ALPHABETS[language]];
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const length = 2 + Math.floor(next() * 8);
    words.add(Array.from({ length }, () => letters[Math.floor(next() * letters.length)]!).join(''));
  }
  return [...words];
}

/** A Zipf-distributed rank (s = 1) in [0, n): rank r drawn with weight 1 / (r + 1). */
function zipf(n: number, next: () => number): number {
  return Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1)) - 1));
}

interface Corpus {
  articles: LibraryArticle[];
  words: Record<Language, string[]>;
  speakers: string[];
}

function corpus(quotes: number): Corpus {
  const next = rng(2026);
  const words = { ar: vocabulary('ar', next), en: vocabulary('en', next), fr: vocabulary('fr', next) };
  const speakers = Array.from({ length: 3000 }, (_, i) => `${words.en[100 + i]!} ${words.fr[200 + i]!}`.replace(/^./, (c) => c.toUpperCase()));
  const languages: Language[] = ['ar', 'en', 'fr'];
  const word = (language: Language): string => {
    const w = words[language][zipf(VOCABULARY, next)]!;
    if (language !== 'ar') return next() < 0.1 ? w.toUpperCase() : w;
    const prefixed = next() < 0.3 ? `${ARABIC_PREFIXES[Math.floor(next() * ARABIC_PREFIXES.length)]!}${w}` : w;
    return next() < 0.2 ? `${prefixed}${DIACRITICS[Math.floor(next() * DIACRITICS.length)]!}` : prefixed;
  };
  const articles: LibraryArticle[] = [];
  for (let n = 0; n * QUOTES_PER_ARTICLE < quotes; n++) {
    const language = languages[n % 3]!;
    articles.push({
      id: `article-${n}`, format: 'md', meta: { title: `${word(language)} ${word(language)} ${word(language)}` }, timestamp: Date.UTC(2020, 0, 1) + n * 60_000, mtimeMs: 0,
      briefing: {
        headline: '', language, direction: language === 'ar' ? 'rtl' : 'ltr', sections: [], summary: [],
        quotes: Array.from({ length: QUOTES_PER_ARTICLE }, (_, i) => ({
          text: Array.from({ length: 8 + Math.floor(next() * 20) }, () => word(language)).join(' '),
          speaker: next() < 0.15 ? null : speakers[zipf(speakers.length, next)]!, paragraph: i, partial: false,
        })),
      },
    });
  }
  return { articles, words, speakers };
}

/** The `/quote` inputs timed, by kind (deterministic). */
function queries(c: Corpus): Array<{ kind: string; q: { query?: string; speaker?: string } }> {
  const next = rng(7);
  const out: Array<{ kind: string; q: { query?: string; speaker?: string } }> = [];
  const pick = (language: Language, from: number, to: number): string => c.words[language][from + Math.floor(next() * (to - from))]!;
  for (const language of ['ar', 'en', 'fr'] as const) {
    for (let i = 0; i < 10; i++) {
      out.push({ kind: 'very common word', q: { query: pick(language, 0, 10) } });
      out.push({ kind: 'middling word', q: { query: pick(language, 100, 1000) } });
      out.push({ kind: 'rare word', q: { query: pick(language, 5000, VOCABULARY) } });
      out.push({ kind: '3-letter prefix', q: { query: pick(language, 0, 2000).slice(0, 3) } });
      out.push({ kind: 'two words', q: { query: `${pick(language, 0, 200)} ${pick(language, 200, 5000)}` } });
      out.push({ kind: 'speaker', q: { speaker: c.speakers[Math.floor(next() * 300)]! } });
      out.push({ kind: 'speaker and word', q: { speaker: c.speakers[Math.floor(next() * 300)]!.split(' ')[0]!, query: pick(language, 0, 100) } });
    }
  }
  return out;
}

/** Copy the written articles and quotes in Postgres (new ids, later dates, same terms) until `total` quotes. */
async function fillTo(pool: pg.Pool, total: number, written: number, articles: number): Promise<void> {
  // A bulk load builds its GIN indexes once at the end (as an operator would), far faster than a million index updates.
  const gin = (await pool.query<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename LIKE 'search_%' AND indexdef LIKE '%USING gin%'`)).rows;
  for (const index of gin) await pool.query(`DROP INDEX ${index.name}`);
  const copies = Math.ceil(total / written) - 1;
  const span = articles * 60_000;
  for (let copy = 1; copy <= copies; copy++) {
    const limit = Math.min(written, total - copy * written);
    if (limit <= 0) break;
    await pool.query(
      `INSERT INTO search_articles (scope, id, title, published, names, signature, title_terms, any_terms)
       SELECT scope, id || '-c' || $1::int, title, published + $2::bigint * $1::int, names, signature, title_terms, any_terms FROM search_articles WHERE scope = '' AND id NOT LIKE '%-c%'`,
      [copy, span],
    );
    await pool.query(
      `INSERT INTO search_quotes (scope, article_id, idx, published, quote, short_name, suggest_key, text_terms, speaker_terms, name_terms)
       SELECT scope, article_id || '-c' || $1::int, idx, published + $2::bigint * $1::int, quote, short_name, suggest_key, text_terms, speaker_terms, name_terms
       FROM (SELECT * FROM search_quotes WHERE scope = '' AND article_id NOT LIKE '%-c%' ORDER BY key LIMIT $3) q`,
      [copy, span, limit],
    );
  }
  await pool.query("SET maintenance_work_mem = '256MB'");
  for (const index of gin) await pool.query(index.def);
  // Steady state, as autovacuum leaves a table: hint bits set and statistics taken (else the first reads also write every page).
  await pool.query('VACUUM (ANALYZE) search_articles, search_quotes, search_speakers');
}

const fmt = (ms: number): string => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** Run the search benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  if (!POSTGRES_BIN) return [{ group: GROUP, name: '/quote on 1M quotes in Postgres: skipped', value: 0, unit: '', note: POSTGRES_SKIP_REASON }];
  const cluster = (await startPostgres())!;
  // A module that times out is abandoned and the bench exits: the cluster goes with it (its stop is synchronous inside).
  const stopOnExit = (): void => void cluster.stop();
  process.once('exit', stopOnExit);
  const pool = createPool(await cluster.createDatabase('bench_search'), () => undefined, 4);
  try {
    await migratePostgres(pool);
    const c = corpus(WRITTEN);
    const writer = new PostgresSearchWriter(pool, { batchSize: 500 });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const [n, article] of c.articles.entries()) {
      writer.put(OPERATOR_SCOPE, article);
      if (n % 2000 === 1999) {
        await writer.flush();
        ctx.progress('search: writing quotes', (n + 1) * QUOTES_PER_ARTICLE, WRITTEN);
      }
    }
    await writer.flush();
    const writeMs = performance.now() - t0;
    const writeCpu = process.cpuUsage(cpu0);
    await writer.close();
    const t1 = performance.now();
    await fillTo(pool, QUOTES, WRITTEN, c.articles.length);
    const fillS = (performance.now() - t1) / 1000;
    const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM search_quotes');
    const quotes = Number(rows[0]!.n);

    const search = new PostgresSearch(pool).scoped(OPERATOR_SCOPE);
    const list = queries(c);
    for (const { q } of list.slice(0, 20)) await search.searchQuotes(q);
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    const hits: number[] = [];
    const cpu1 = process.cpuUsage();
    for (const { kind, q } of list) {
      const start = performance.now();
      hits.push((await search.searchQuotes(q)).length);
      const ms = performance.now() - start;
      times.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    const queryCpu = process.cpuUsage(cpu1);
    const p99 = percentile(times, 99);
    const kinds = [...byKind].map(([kind, t]) => `${kind} ${fmt(percentile(t, 50))}/${fmt(percentile(t, 99))}`).join(', ');
    const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    return [
      {
        group: GROUP, name: `/quote p99 (${(quotes / 1e6).toFixed(2)}M quotes in Postgres)`, value: p99, unit: 'ms', goal: `≤ ${GOAL_P99_MS} ms`, pass: p99 <= GOAL_P99_MS,
        note: `p50 ${fmt(percentile(times, 50))} ms, median ${fmt(median(times))} ms, max ${fmt(Math.max(...times))} ms over ${times.length} queries (limit 500; median ${median(hits)} hits); p50/p99 by kind: ${kinds}; this process's CPU ${fmt(cpuMs(queryCpu) / times.length)} ms a query, the rest is the server's; ${availableParallelism()} cores shared`,
      },
      {
        group: GROUP, name: 'search insert throughput (PostgresSearchWriter)', value: Math.round(WRITTEN / (writeMs / 1000)), unit: 'quotes/s',
        note: `${WRITTEN.toLocaleString('en')} quotes of ${c.articles.length.toLocaleString('en')} articles in batches of 500 in ${fmt(writeMs / 1000)} s (folding and terms here: ${fmt(cpuMs(writeCpu) / 1000)} s CPU); then copied in Postgres up to ${quotes.toLocaleString('en')} in ${fillS.toFixed(1)} s`,
      },
    ];
  } finally {
    process.off('exit', stopOnExit);
    await pool.end();
    await cluster.stop();
  }
}
