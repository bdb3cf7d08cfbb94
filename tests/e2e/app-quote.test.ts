import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE_PAGES_TTL_MS as PAGE_TTL_MS } from '../../src/store';
import { assertAllValid } from '../support/discord-spec';
import type { InteractionHandle } from '../support/fake-discord';
import { startApp, type AppUnderTest } from './app-harness';
import { quotesArticle } from './quote-articles';

/**
 * `/quote` paging and `/brief` autocomplete through the bot composed
 * in-process (real discord.js client) against a fake Discord, on a library
 * whose searches yield several pages, with a clock the test moves.
 */
type Json = Record<string, unknown>;
interface Button { custom_id: string; label: string; disabled?: boolean }
interface Embed { description?: string; footer?: { text: string } }
const EPHEMERAL = 64;
const ARTICLES_PER_LANGUAGE = 3;

const files: Record<string, string> = { 'lavrov-north-korea.txt': readFileSync(join(__dirname, '../../content/lavrov-north-korea.txt'), 'utf8') };
for (const language of ['ar', 'en', 'fr'] as const) {
  for (let n = 1; n <= ARTICLES_PER_LANGUAGE; n++) files[`${language}-plan-${n}.md`] = quotesArticle(language, n + { ar: 0, en: 10, fr: 20 }[language]);
}

let t: AppUnderTest;

beforeAll(async () => {
  t = await startApp({ files });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

afterEach(() => {
  expect(t.fake.handlerErrors).toEqual([]);
});

const buttonsOf = (shown: Json): Button[] => ((shown.components as Array<{ components: Button[] }> | undefined)?.[0]?.components ?? []);
const embedsOf = (shown: Json): Embed[] => (shown.embeds as Embed[] | undefined) ?? [];
const footerOf = (shown: Json): string => embedsOf(shown).at(-1)?.footer?.text ?? '';

/** A click on a button of the search's message; the page it shows (the message updated in place). */
async function click(search: InteractionHandle, button: Button, member: 'admin' | 'member' = 'admin', locale = 'en-US'): Promise<{ handle: InteractionHandle; shown: Json }> {
  const handle = t.fake.dispatchButton(button.custom_id, { messageId: search.record.originalMessageId!, member, locale });
  return { handle, shown: await handle.visible(10_000) };
}

describe('/quote paging through several pages', () => {
  it.each([
    // [language, options, locale, page label of page 2 of N, Previous, Next]
    ['English', { query: 'deliver' }, 'en-US', (n: number) => `Page 2 / ${n}`, 'Previous', 'Next'],
    ['Arabic', { query: 'سننجز' }, 'en-US', (n: number) => `صفحة 2 من ${n}`, 'السابق', 'التالي'],
    ['French', { query: 'livrerons' }, 'fr', (n: number) => `Page 2 / ${n}`, 'Précédent', 'Suivant'],
  ])('%s: Next, Next to the last page, Previous, each updating the message in place', async (_language, options, locale, pageTwo, previous, next) => {
    const search = t.fake.dispatchCommand('quote', options, { locale });
    const first = await search.visible(10_000);
    const total = Number(/(\d+)$/.exec(footerOf(first))?.[1]);
    const pages = Math.ceil(total / 5);
    expect(total).toBeGreaterThanOrEqual(11);
    expect(embedsOf(first)).toHaveLength(5);
    expect(buttonsOf(first).map((b) => [b.label, Boolean(b.disabled)])).toEqual([[previous, true], [`1 / ${pages}`, true], [next, false]]);

    const second = await click(search, buttonsOf(first)[2]!);
    expect(second.handle.record.callback).toMatchObject({ type: 7 });
    expect(footerOf(second.shown)).toContain(pageTwo(pages));
    expect(embedsOf(second.shown)[0]!.description).not.toBe(embedsOf(first)[0]!.description);
    expect(buttonsOf(second.shown).map((b) => Boolean(b.disabled))).toEqual([false, true, false]);

    let shown = second.shown;
    for (let page = 3; page <= pages; page++) shown = (await click(search, buttonsOf(shown)[2]!)).shown;
    expect(embedsOf(shown)).toHaveLength(total - 5 * (pages - 1));
    expect(buttonsOf(shown).map((b) => [b.label, Boolean(b.disabled)])).toEqual([[previous, false], [`${pages} / ${pages}`, true], [next, true]]);

    const back = await click(search, buttonsOf(shown)[0]!);
    expect(buttonsOf(back.shown)[1]!.label).toBe(`${pages - 1} / ${pages}`);
    expect(embedsOf(back.shown)).toHaveLength(5);
    // Every page was an in-place update of the search's message: no new message, no follow-up.
    expect(t.fake.allMessages(t.fake.channels.text).filter((m) => m.interactionToken === search.token)).toHaveLength(1);
  });

  it.each([
    ['English', 'en-US', /Only the person who searched/],
    ['French', 'fr', /Seule la personne qui a cherché/],
  ])('answers another user’s click with a private line (%s), and leaves the page as it was', async (_language, locale, message) => {
    const search = t.fake.dispatchCommand('quote', { query: 'deliver' });
    const first = await search.visible(10_000);
    const other = await click(search, buttonsOf(first)[2]!, 'member', locale);
    expect(other.handle.record.callback).toMatchObject({ type: 4 });
    expect(Number(other.shown.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(other.shown.content)).toMatch(message);
    const original = t.fake.allMessages(t.fake.channels.text).find((m) => m.interactionToken === search.token)!;
    expect(footerOf(original.message as Json)).toBe(footerOf(first));
  });

  it('says the pages expired once 15 minutes have passed (the bot’s clock moved), and works just before', async () => {
    const search = t.fake.dispatchCommand('quote', { query: 'deliver' });
    const first = await search.visible(10_000);
    t.advance(PAGE_TTL_MS - 60_000);
    const before = await click(search, buttonsOf(first)[2]!);
    expect(before.handle.record.callback).toMatchObject({ type: 7 });
    t.advance(2 * 60_000);
    const after = await click(search, buttonsOf(before.shown)[2]!);
    expect(Number(after.shown.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(after.shown.content)).toMatch(/expired/);
  });

  it.each([
    ['another server (a user-installed app)', 'foreign-guild'],
    ['a DM', 'dm'],
  ] as const)('says the pages expired when the searcher clicks Next from %s: one server never sees another’s results', async (_where, context) => {
    const search = t.fake.dispatchCommand('quote', { query: 'deliver' });
    const first = await search.visible(10_000);
    const elsewhere = t.fake.dispatchButton(buttonsOf(first)[2]!.custom_id, { messageId: search.record.originalMessageId!, context });
    const shown = await elsewhere.visible(10_000);
    expect(Number(shown.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(shown.content)).toMatch(/expired/);
    expect(shown.embeds ?? []).toEqual([]);
  });

  it('says a button whose search it does not know (another bot run, a forged id) has expired', async () => {
    const search = t.fake.dispatchCommand('quote', { query: 'deliver' });
    await search.visible(10_000);
    const forged = await click(search, { custom_id: 'quote:notAToken:1', label: 'Next' });
    expect(String(forged.shown.content)).toMatch(/expired/);
  });
});

describe('/brief autocomplete by lead', () => {
  it('offers the README article for «لافروف», a name only its lead has', async () => {
    const handle = t.fake.dispatchAutocomplete('brief', 'article', 'لافروف');
    const callback = await handle.response(10_000);
    expect(callback.type).toBe(8);
    expect((callback.data?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['lavrov-north-korea']);
  });

  it('sent only payloads valid against Discord’s OpenAPI spec', () => {
    assertAllValid(t.fake);
  });
});
