import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { botEnv, runScript, spawnBot, type BotProcess } from './bot-harness';
import { QUOTE_WORDS, quotesArticle } from './quote-articles';

/**
 * Issue 11: HTTP-interaction replicas are stateless. Two `ROLE=web` replicas
 * on one Postgres (and a `ROLE=ingest` writing the search tables), each a
 * real process behind its own endpoint: a `/quote` answered by one is paged
 * by the other, in the server it was made in only.
 */
type Json = Record<string, unknown>;
interface Button { custom_id: string; disabled?: boolean }

const EPHEMERAL = 64;
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

let cluster: TestPostgres | undefined;
let fake: FakeDiscord;
let base: string;
const bots: BotProcess[] = [];
const endpoints: string[] = [];

if (!POSTGRES_BIN) console.log(`shared /quote pages end-to-end tests ${POSTGRES_SKIP_REASON}`);

const buttonsOf = (shown: Json): Button[] => ((shown.components as Array<{ components: Button[] }> | undefined)?.[0]?.components ?? []);
const descriptionsOf = (shown: Json): string[] => ((shown.embeds as Array<{ description?: string }> | undefined) ?? []).map((e) => String(e.description));
const footerOf = (shown: Json): string => String((shown.embeds as Array<{ footer?: { text: string } }>).at(-1)?.footer?.text);
/** The next interactions go to replica `n` (0 or 1), as a load balancer may send them. */
const through = (n: number): void => fake.deliverInteractionsOverHttp({ url: endpoints[n]!, privateKey: keys.privateKey });

/** A CONTENT_DIR of two five-quote articles per language (two pages for each language's word), dated in the past. */
function contentDir(): string {
  const dir = join(base, 'content');
  mkdirSync(dir);
  for (const [offset, language] of (['ar', 'en', 'fr'] as const).entries()) {
    for (const n of [1, 2]) {
      const file = join(dir, `${language}-plan-${n}.md`);
      writeFileSync(file, quotesArticle(language, 10 * offset + n));
      utimesSync(file, new Date('2021-01-01'), new Date('2021-01-01'));
    }
  }
  return dir;
}

describe.skipIf(!POSTGRES_BIN)('DATABASE_URL: /quote pages shared by two HTTP replicas', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster!.createDatabase('quote_pages_e2e');
    fake = await startFakeDiscord();
    base = mkdtempSync(join(tmpdir(), 'briefing-quote-pages-e2e-'));
    const dir = contentDir();
    const env = (name: string, extra: Record<string, string> = {}): Record<string, string> =>
      botEnv(fake, { dir, dbPath: join(base, name, 'briefing.db') }, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DATABASE_URL: url, LOG_LEVEL: 'debug', ...extra });
    const deployed = await runScript('src/deploy.ts', env('deploy'));
    expect(deployed.code, deployed.stderr).toBe(0);
    const web = { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKeyHex };
    bots.push(spawnBot(env('ingest', { ROLE: 'ingest' })), spawnBot(env('web1', web)), spawnBot(env('web2', web)));
    await bots[0]!.waitForLog((l) => l.msg === 'search tables in line with the library', 60_000);
    for (const replica of bots.slice(1)) endpoints.push(`http://127.0.0.1:${String((await replica.waitForLog((l) => l.msg === 'interactions endpoint listening', 60_000)).port)}/interactions`);
  }, 120_000);

  afterAll(async () => {
    for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake?.close();
    await cluster?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(fake.handlerErrors).toEqual([]);
  });

  /** `/quote` with the language's word through replica 1: its first page (of two). */
  async function search(language: keyof typeof QUOTE_WORDS, locale: string): Promise<{ handle: InteractionHandle; first: Json; next: Button }> {
    through(0);
    const handle = fake.dispatchCommand('quote', { query: QUOTE_WORDS[language] }, { locale });
    const first = await handle.visible(10_000);
    expect(descriptionsOf(first)).toHaveLength(5);
    const next = buttonsOf(first)[2]!;
    expect(next.disabled).toBeFalsy();
    return { handle, first, next };
  }

  /** The one private line of an ephemeral answer. */
  async function ephemeralLine(handle: InteractionHandle): Promise<string> {
    const shown = await handle.visible(10_000);
    expect(handle.record.callback).toMatchObject({ type: 4 });
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    return String(shown.content);
  }

  it.each([
    ['Arabic', 'ar', 'en-US', 'صفحة 2 من 2'],
    ['English', 'en', 'en-US', 'Page 2 / 2'],
    ['French', 'fr', 'fr', 'Page 2 / 2'],
  ] as const)('%s: /quote through replica 1, Next through replica 2 shows page 2 of the same results', async (_name, language, locale, pageTwo) => {
    const { handle, first, next } = await search(language, locale);
    through(1);
    const click = fake.dispatchButton(next.custom_id, { messageId: handle.record.originalMessageId!, locale });
    const second = await click.visible(10_000);
    expect(click.record.callback).toMatchObject({ type: 7 });
    expect(footerOf(second)).toContain(pageTwo);
    // Page 2 is the rest of the same results (6 to 10 quotes): none of page 1's, all of the word's.
    const total = Number(/(\d+)$/.exec(footerOf(first))?.[1]);
    expect(total).toBeGreaterThan(5);
    expect(descriptionsOf(second)).toHaveLength(total - 5);
    const all = [...descriptionsOf(first), ...descriptionsOf(second)];
    expect(new Set(all).size).toBe(total);
    expect(all.every((d) => d.includes(QUOTE_WORDS[language]))).toBe(true);
    // Previous through replica 1 again: back to the first page.
    through(0);
    const back = await fake.dispatchButton(buttonsOf(second)[0]!.custom_id, { messageId: handle.record.originalMessageId! }).visible(10_000);
    expect(descriptionsOf(back)).toEqual(descriptionsOf(first));
  });

  it.each([['English', 'en-US', /expired/], ['French', 'fr', /expiré/]])('refuses the same Next clicked from another server (%s) through either replica, the one that answered the search too, with the usual private line', async (_name, locale, expired) => {
    const { handle, next } = await search('en', 'en-US');
    for (const replica of [0, 1]) {
      through(replica);
      const elsewhere = fake.dispatchButton(next.custom_id, { messageId: handle.record.originalMessageId!, context: 'foreign-guild', locale });
      const line = await ephemeralLine(elsewhere);
      expect(line).toMatch(expired);
      expect(line).not.toContain(QUOTE_WORDS.en);
    }
  });

  it('answers another user’s click through replica 2 with a private line, as one process did', async () => {
    const { handle, next } = await search('ar', 'en-US');
    through(1);
    expect(await ephemeralLine(fake.dispatchButton(next.custom_id, { messageId: handle.record.originalMessageId!, member: 'member' }))).toMatch(/Only the person who searched/);
  });

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(fake);
  });
});
