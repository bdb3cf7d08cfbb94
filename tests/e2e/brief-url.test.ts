import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from '../support/discord-spec';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle } from '../support/fake-discord';
import { feedBytes, pageBytes } from '../support/web-fixtures';
import { send, startWebServer, type TestWebServer } from '../support/web-server';
import { botEnv, makeContentDir, runScript, spawnBot, type BotProcess } from './bot-harness';

interface Embed { title?: string; url?: string; description?: string; timestamp?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string }; author?: { name: string } }

const EPHEMERAL = 64;
const DEFERRED_REPLY = 5;

/** A page whose text tries to ping, format and inject markup. */
const HOSTILE_PAGE = `<html lang="en"><head><title>Council vote @everyone __now__</title><meta property="og:site_name" content="News Example"></head><body><article>
<p>The city council approved the new transport budget on Tuesday after a debate that lasted more than six hours, @everyone.</p>
<p>"This is a **fair** plan for <@123456789012345678> and every neighbourhood," the mayor told reporters outside the chamber.</p>
<p>Opponents said the plan would raise fares for commuters and promised to challenge it at the next meeting of the council.</p>
</article></body></html>`;

let fake: FakeDiscord;
let bot: BotProcess;
let site: TestWebServer;
let internal: TestWebServer;
let content: ReturnType<typeof makeContentDir>;

beforeAll(async () => {
  internal = await startWebServer({ '/secret': send('internal') }, '127.0.0.2');
  site = await startWebServer({
    '/en/bbc': send(pageBytes('en-bbc-1'), { 'content-type': 'text/html' }),
    '/fr/liberation': send(pageBytes('fr-liberation-1'), { 'content-type': 'text/html; charset=utf-8' }),
    '/ar/cnn': send(pageBytes('ar-cnnarabic-2013'), { 'content-type': 'text/html' }),
    '/hostile': send(HOSTILE_PAGE),
    '/feed.xml': send(feedBytes('rss2-iso-8859-1-jn.rss'), { 'content-type': 'application/rss+xml' }),
    '/to-internal': (_req, res) => void res.writeHead(302, { location: `${internal.origin}/secret` }).end(),
    '/hostile-markup': send(`<html><body><article><p>${'word '.repeat(80)}.</p>${'<div>'.repeat(1500)}end${'</div>'.repeat(1500)}</article></body></html>`),
  });
  fake = await startFakeDiscord();
  content = makeContentDir();
  const env = botEnv(fake, content, { DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'debug', FETCH_ALLOW_ADDRESSES: '127.0.0.1', FETCH_TIMEOUT_MS: '10000' });
  const deployed = await runScript('src/deploy.ts', env);
  expect(deployed.code, deployed.stderr).toBe(0);
  bot = spawnBot(env);
  await fake.waitForIdentify(1, 30_000);
  await bot.waitForLog((l) => l.msg === 'bot ready', 30_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  await site?.close();
  await internal?.close();
  content?.cleanup();
});

async function ephemeralLine(handle: InteractionHandle): Promise<string> {
  const shown = await handle.visible(30_000);
  expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  const text = String(shown.content);
  expect(text).not.toContain('\n');
  return text;
}

describe('/brief url:', () => {
  it('registers the url option', () => {
    const brief = fake.commands(fake.guildId).find((c) => c.name === 'brief')!;
    expect((brief.options ?? []).map((o) => o.name)).toEqual(['article', 'url']);
  });

  it.each([
    ['English', '/en/bbc', "Obama admits US gun laws are his 'biggest frustration'", 'BBC News', 'BBC News', '2015-07-24', 'Summary'],
    ['French', '/fr/liberation', 'Un troisième Français mort dans le séisme au Népal', 'AFP', 'Libération.fr', '2015-04-30', 'Résumé'],
    ['Arabic', '/ar/cnn', 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق', undefined, 'CNNArabic', undefined, 'الملخص'],
  ])('briefs a %s page: deferred, headline linked to the page, its byline, site and date', async (_name, path, title, author, site_, date, summary) => {
    const url = `${site.origin}${path}`;
    const h = fake.dispatchCommand('brief', { url });
    expect((await h.response(5000)).type).toBe(DEFERRED_REPLY);
    const shown = await h.visible(15_000);
    expect(Number(shown.flags ?? 0) & EPHEMERAL).toBe(0);
    const embed = (shown.embeds as Embed[])[0]!;
    expect(embed.title).toBe(title);
    expect(embed.url).toBe(url);
    expect(embed.author?.name).toBe(author);
    expect(embed.footer!.text).toContain(site_);
    if (date) expect(embed.footer!.text).toContain(date);
    expect(embed.description).toContain(summary);
    expect(shown.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('sends text only: no markup from the page, mentions and markdown neutralised', async () => {
    await fake.dispatchCommand('brief', { url: `${site.origin}/hostile` }).visible(15_000);
    const stored = fake.allMessages(fake.channels.text).at(-1)!;
    expect(stored.wouldPing).toBeFalsy();
    const text = JSON.stringify(stored.message);
    expect(text).not.toMatch(/<\/?(?:b|p|article|html)\b/);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123456789012345678>');
    expect(text).not.toContain('**fair**');
    expect(text).not.toContain('__now__');
  });

  it('says a feed is a feed and how to subscribe', async () => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { url: `${site.origin}/feed.xml` }))).toContain('/feed add');
  });

  it.each([
    ['a redirect to an internal server', () => `${site.origin}/to-internal`, 'en-US', 'Refused: 127.0.0.2 is a local or private address'],
    ['an internal literal IP, in French', () => `${internal.origin}/secret`, 'fr', 'Refusé : `127.0.0.2` est une adresse locale ou privée'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'en-US', 'Refused: 169.254.169.254'],
    ['a file: URL', () => 'file:///etc/passwd', 'en-US', 'Not a web link'],
    ['a page that is not there, in French', () => `${site.origin}/missing`, 'fr', 'HTTP 404 Not Found'],
  ])('refuses %s with one private line in the user’s language', async (_name, url, locale, expected) => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { url: url() }, { locale }))).toContain(expected);
    expect(internal.requests).toEqual([]);
  });

  it('takes a page apart off the event loop: other commands are answered meanwhile, and a page that takes too long is refused', async () => {
    const hostile = fake.dispatchCommand('brief', { url: `${site.origin}/hostile-markup` });
    expect((await hostile.response(5000)).type).toBe(DEFERRED_REPLY);
    const other = await fake.dispatchCommand('brief', { article: 'en-bridge' }).visible(5000);
    expect(hostile.edits().length + hostile.followUps().length).toBe(0);
    expect((other.embeds as Embed[])[0]!.title).toBe('Mayor opens the new river bridge');
    expect(await ephemeralLine(hostile)).toMatch(/^The page at 127\.0\.0\.1:\d+ is too complex to read/);
  }, 40_000);

  it('asks for one of article or url, not both', async () => {
    expect(await ephemeralLine(fake.dispatchCommand('brief', { article: 'en-bridge', url: `${site.origin}/en/bbc` }))).toBe('Give either an article or a url, not both.');
  });

  it('logs each refusal for the operator, without the token', () => {
    const refusals = bot.logs().filter((l) => l.msg === '/brief url refused');
    expect(refusals.length).toBeGreaterThanOrEqual(5);
    expect(bot.output().stdout).not.toContain(fake.token);
  });

  it('sent only payloads valid against the Discord spec', () => {
    assertAllValid(fake);
    expect(fake.handlerErrors).toEqual([]);
  });
});
