import { createHash } from 'node:crypto';
import type { Briefing } from '../src/briefing/schema';

/**
 * Golden outputs: what the engine made of each article of a corpus, one JSON
 * line per article sorted by id, so that `git diff` and `npm run golden --
 * --check` show exactly which articles a change touched and how.
 */

/** One quote: its text, speaker and role (null when absent). */
export type GoldenQuote = [text: string, speaker: string | null, role: string | null];

/** The engine's output for one article, as kept in a golden file. */
export interface GoldenRecord {
  id: string;
  headline: string;
  quotes: GoldenQuote[];
  summary: string[];
}

/** Characters of a long text kept readable in a compact record; the rest is a hash. */
const KEEP = 24;

/**
 * A long text in a compact record: its first {@link KEEP} characters, `…`,
 * then 6 base64url characters of its SHA-1, so that any change to it (start,
 * middle or end) changes the line. Short texts are kept whole.
 */
export function compactText(text: string): string {
  if (text.length <= KEEP + 8) return text;
  return `${text.slice(0, KEEP)}…${createHash('sha1').update(text).digest('base64url').slice(0, 6)}`;
}

/**
 * The golden record of a briefing. `compact` shortens quote texts and summary
 * sentences with {@link compactText} (for ANT's 11,298 articles); headlines,
 * speakers and roles are always whole.
 */
export function toGoldenRecord(id: string, briefing: Pick<Briefing, 'headline' | 'quotes' | 'summary'>, compact: boolean): GoldenRecord {
  const text = compact ? compactText : (t: string): string => t;
  return {
    id,
    headline: briefing.headline,
    quotes: briefing.quotes.map((q) => [text(q.text), q.speaker, q.speakerRole ?? null]),
    summary: briefing.summary.map(text),
  };
}

/** Records as JSONL: sorted by id, one line each, a final newline. */
export function formatGolden(records: readonly GoldenRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * Parse a golden file.
 * @throws Error naming the line when one is not a record.
 */
export function parseGolden(jsonl: string): GoldenRecord[] {
  return jsonl.split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      throw new Error(`line ${i + 1}: ${(err as Error).message}`);
    }
    if (!isRecord(record)) throw new Error(`line ${i + 1}: not a golden record`);
    return record;
  });
}

function isRecord(value: unknown): value is GoldenRecord {
  const r = value as GoldenRecord;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.headline === 'string' && Array.isArray(r.quotes) && Array.isArray(r.summary);
}

function showSpeaker([, speaker, role]: GoldenQuote): string {
  if (speaker === null) return role === null ? '(no speaker)' : `(role) ${role}`;
  return role === null ? speaker : `${speaker} (${role})`;
}

function showQuote(quote: GoldenQuote): string {
  return `«${quote[0]}» — ${showSpeaker(quote)}`;
}

function quoteChanges(before: readonly GoldenQuote[], after: readonly GoldenQuote[]): string[] {
  const lines: string[] = [];
  const unused = [...before];
  for (const quote of after) {
    const i = unused.findIndex((old) => old[0] === quote[0]);
    if (i < 0) {
      lines.push(`  + quote ${showQuote(quote)}`);
      continue;
    }
    const [old] = unused.splice(i, 1);
    if (old![1] !== quote[1] || old![2] !== quote[2]) lines.push(`  ~ speaker of «${quote[0]}»: ${showSpeaker(old!)} → ${showSpeaker(quote)}`);
  }
  for (const old of unused) lines.push(`  - quote ${showQuote(old)}`);
  return lines;
}

function summaryChanges(before: readonly string[], after: readonly string[]): string[] {
  if (before.length === after.length && before.every((s, i) => s === after[i])) return [];
  const removed = before.filter((s) => !after.includes(s)).map((s) => `  - summary ${s}`);
  const added = after.filter((s) => !before.includes(s)).map((s) => `  + summary ${s}`);
  return removed.length + added.length > 0 ? [...removed, ...added] : ['  ~ summary: same sentences, another order'];
}

/** What changed in one article, one line each (empty when nothing did). */
export function diffRecord(before: GoldenRecord, after: GoldenRecord): string[] {
  const lines = before.headline === after.headline ? [] : [`  ~ headline: ${before.headline} → ${after.headline}`];
  return [...lines, ...quoteChanges(before.quotes, after.quotes), ...summaryChanges(before.summary, after.summary)];
}

/** The difference between two versions of a corpus's golden file. */
export interface GoldenDiff {
  /** Articles whose output changed, added or removed. */
  changed: number;
  /** Readable report: per article, its id then one line per change. */
  lines: string[];
}

/** Compare the checked-in records with fresh ones, article by article (by id). */
export function diffGolden(before: readonly GoldenRecord[], after: readonly GoldenRecord[]): GoldenDiff {
  const old = new Map(before.map((r) => [r.id, r]));
  const lines: string[] = [];
  let changed = 0;
  for (const record of after) {
    const previous = old.get(record.id);
    old.delete(record.id);
    const changes = previous ? diffRecord(previous, record) : ['  + article (new)'];
    if (changes.length === 0) continue;
    changed++;
    lines.push(`${record.id}:`, ...changes);
  }
  for (const id of old.keys()) {
    changed++;
    lines.push(`${id}:`, '  - article (gone)');
  }
  return { changed, lines };
}
