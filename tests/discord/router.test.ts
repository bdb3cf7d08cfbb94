import type { Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/discord/command';
import { labelsFor, languageOfLocale } from '../../src/discord/labels';
import { buildMessage, ephemeralText } from '../../src/discord/message';
import { createRouter, sanitizeChoices } from '../../src/discord/router';
import { ArticleNotFoundError, InvalidArticleIdError } from '../../src/errors';
import { captureLogger } from '../library/helpers';

type Call = [string, unknown];

/** A stand-in for a discord.js interaction that records how it was answered. */
function interaction(kind: 'command' | 'autocomplete' | 'button' | 'context menu', name: string, options: { locale?: string; customId?: string; failRespond?: boolean; typed?: string } = {}) {
  const calls: Call[] = [];
  const self = {
    id: '1234', token: 'tok', commandName: name, customId: options.customId ?? `${name}:x`, locale: options.locale ?? 'en-US', replied: false, deferred: false,
    options: { data: options.typed === undefined ? [] : [{ name: 'article', type: 3, value: options.typed }] },
    isChatInputCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isMessageComponent: () => kind === 'button',
    isModalSubmit: () => false,
    isRepliable: () => kind !== 'autocomplete',
    type: kind === 'autocomplete' ? 4 : kind === 'button' ? 3 : 2,
    async reply(o: unknown) { calls.push(['reply via discord.js', o]); self.replied = true; },
    /** A ready reply is POSTed as the raw callback: recorded as ['reply', its data] once the route and type are checked. */
    client: {
      rest: {
        async post(route: string, o: { body: string; passThroughBody?: boolean; auth?: boolean }) {
          const callback = JSON.parse(o.body) as { type: number; data: unknown };
          if (route !== '/interactions/1234/tok/callback' || callback.type !== 4 || !o.passThroughBody || o.auth !== false) throw new Error(`unexpected callback ${route} ${o.body}`);
          calls.push(['reply', callback.data]);
        },
      },
    },
    async deferReply() { calls.push(['deferReply', undefined]); self.deferred = true; },
    async deferUpdate() { calls.push(['deferUpdate', undefined]); self.deferred = true; },
    async editReply(o: unknown) { calls.push(['editReply', o]); },
    async update(o: unknown) { calls.push(['update', o]); self.replied = true; },
    async followUp(o: unknown) { calls.push(['followUp', o]); },
    async deleteReply() { calls.push(['deleteReply', undefined]); },
    async respond(o: unknown) {
      if (options.failRespond) throw new Error('respond failed');
      calls.push(['respond', o]);
    },
  };
  return { i: self as unknown as Interaction, calls };
}

function router(command: Partial<Command>, deferAfterMs = 1000) {
  const { logger, lines } = captureLogger();
  const full: Command = { data: { name: 'test', description: 'x' }, execute: async () => undefined, ...command };
  const route = createRouter({ commands: new Map([['test', full]]), ctx: {} as CommandContext, logger, deferAfterMs });
  return { route, lines };
}

const body = buildMessage({ content: 'hello' });

describe('router: commands', () => {
  it('replies with what the handler returns, no mentions allowed', async () => {
    const { route } = router({ execute: async () => body });
    const { i, calls } = interaction('command', 'test');
    await route(i);
    expect(calls).toEqual([['reply', expect.objectContaining({ content: 'hello', allowed_mentions: { parse: [], replied_user: false }, components: [] })]]);
    expect((i as unknown as { replied: boolean }).replied).toBe(true);
  });

  it('defers a slow handler, then edits the reply', async () => {
    const { route } = router({ execute: () => new Promise((done) => setTimeout(() => done(body), 80)) }, 10);
    const { i, calls } = interaction('command', 'test');
    await route(i);
    expect(calls.map((c) => c[0])).toEqual(['deferReply', 'editReply']);
  });

  it('turns an ephemeral answer after a deferral into an ephemeral follow-up', async () => {
    const { route } = router({ execute: () => new Promise((done) => setTimeout(() => done(ephemeralText('nothing')), 80)) }, 10);
    const { i, calls } = interaction('command', 'test');
    await route(i);
    expect(calls.map((c) => c[0])).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(calls[2]![1]).toMatchObject({ flags: 64 });
  });

  it.each([
    ['English', 'en-US', 'Something went wrong'],
    ['French', 'fr', 'Une erreur est survenue'],
    ['Arabic', 'ar', 'حدث خطأ ما'],
  ])('answers an unexpected error with a generic ephemeral message in %s, and logs it', async (_name, locale, text) => {
    const { route, lines } = router({ execute: async () => { throw new TypeError('bug'); } });
    const { i, calls } = interaction('command', 'test', { locale });
    await route(i);
    expect(calls).toEqual([['reply', expect.objectContaining({ content: expect.stringContaining(text), flags: 64 })]]);
    expect(lines.some((l) => l.level === 50 && l.interactionId === '1234' && l.command === 'test')).toBe(true);
  });

  it('answers a UserError with its one-line message, ephemerally', async () => {
    const { route } = router({ execute: async () => { throw new InvalidArticleIdError('../../etc/passwd'); } });
    const { i, calls } = interaction('command', 'test');
    await route(i);
    expect(calls[0]![1]).toMatchObject({ content: expect.stringContaining('not a valid article id'), flags: 64 });
  });

  it.each([
    ['Arabic', 'ar', 'لا يوجد في المكتبة مقال باسم `lavrov`.'],
    ['Arabic', 'ar-SA', 'لا يوجد في المكتبة مقال باسم `lavrov`.'],
    ['English', 'en-US', 'No article named "lavrov" in the library.'],
    ['French', 'fr', 'Aucun article nommé `lavrov` dans la bibliothèque.'],
    ['English (a locale with no translation)', 'de', 'No article named "lavrov" in the library.'],
  ])('answers a UserError in %s to a %s user', async (_name, locale, text) => {
    const { route } = router({ execute: async () => { throw new ArticleNotFoundError('lavrov'); } });
    const { i, calls } = interaction('command', 'test', { locale });
    await route(i);
    expect(calls).toEqual([['reply', expect.objectContaining({ content: text, flags: 64 })]]);
  });

  it.each([
    ['Arabic to a user who typed Arabic, whatever their locale (Discord has no Arabic locale)', 'en-US', 'لافروف', 'لا يوجد في المكتبة مقال باسم `لافروف`.'],
    ['Arabic to a French-locale user who typed Arabic', 'fr', 'لافروف', 'لا يوجد في المكتبة مقال باسم `لافروف`.'],
    ['French to a French-locale user who typed Latin letters', 'fr', 'lavrov', 'Aucun article nommé `lavrov` dans la bibliothèque.'],
    ['English to an English-locale user who typed Latin letters', 'en-US', 'lavrov', 'No article named "lavrov" in the library.'],
  ])('answers a UserError in %s', async (_name, locale, typed, text) => {
    const { route } = router({ execute: async () => { throw new ArticleNotFoundError(typed); } });
    const { i, calls } = interaction('command', 'test', { locale, typed });
    await route(i);
    expect(calls).toEqual([['reply', expect.objectContaining({ content: text, flags: 64 })]]);
  });

  it.each([
    ['ar', 'الأمر `/nope` غير معروف.'],
    ['fr', 'Commande /nope inconnue.'],
    ['en-GB', 'Unknown command /nope.'],
  ])('answers an unknown command in the %s user’s language', async (locale, text) => {
    const { route } = router({});
    const { i, calls } = interaction('command', 'nope', { locale });
    await route(i);
    expect(calls[0]![1]).toMatchObject({ content: text, flags: 64 });
  });

  it('answers an unknown command without throwing', async () => {
    const { route } = router({});
    const { i, calls } = interaction('command', 'nope');
    await expect(route(i)).resolves.toBeUndefined();
    expect(calls[0]![1]).toMatchObject({ content: expect.stringContaining('Unknown command'), flags: 64 });
  });

  it('never rejects when the reply itself fails', async () => {
    const { route, lines } = router({ execute: async () => body });
    const { i } = interaction('command', 'test');
    (i as unknown as { client: { rest: { post: () => Promise<void> } } }).client.rest.post = async () => { throw new Error('HTTP 500'); };
    await expect(route(i)).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'could not answer the interaction')).toBe(true);
  });
});

describe('router: autocomplete and buttons', () => {
  it('responds with the suggestions, trimmed', async () => {
    const many = Array.from({ length: 40 }, (_, n) => ({ name: `n${n}`, value: `v${n}` }));
    const { route } = router({ autocomplete: async () => many });
    const { i, calls } = interaction('autocomplete', 'test');
    await route(i);
    expect((calls[0]![1] as unknown[]).length).toBe(25);
  });

  it.each([
    ['a throwing handler', { autocomplete: async () => { throw new Error('boom'); } }],
    ['no handler', {}],
  ])('responds with an empty list for %s', async (_name, command) => {
    const { route } = router(command);
    const { i, calls } = interaction('autocomplete', 'test');
    await route(i);
    expect(calls).toEqual([['respond', []]]);
  });

  it('survives a failing autocomplete response', async () => {
    const { route } = router({ autocomplete: async () => [{ name: 'a', value: 'a' }] });
    await expect(route(interaction('autocomplete', 'test', { failRespond: true }).i)).resolves.toBeUndefined();
  });

  it('updates the clicked message with the button handler answer', async () => {
    const { route } = router({ button: async () => body });
    const { i, calls } = interaction('button', 'test', { customId: 'test:abc:1' });
    await route(i);
    expect(calls.map((c) => c[0])).toEqual(['update']);
  });

  it('answers a button of an unknown command ephemerally', async () => {
    const { route } = router({});
    const { i, calls } = interaction('button', 'test', { customId: 'other:abc:1' });
    await route(i);
    expect(calls[0]).toEqual(['reply', expect.objectContaining({ flags: 64 })]);
  });

  it.each([['ar'], ['fr'], ['en-US']])('says a button has expired in the %s user’s language', async (locale) => {
    const { route } = router({});
    const { i, calls } = interaction('button', 'test', { customId: 'other:abc:1', locale });
    await route(i);
    expect(calls[0]).toEqual(['reply', expect.objectContaining({ content: labelsFor(languageOfLocale(locale)).expired, flags: 64 })]);
  });
});

describe('router: interactions this bot offers none of', () => {
  it.each([
    ['en-US', 'This bot does not support that action'],
    ['fr', 'Ce bot ne prend pas en charge cette action'],
    ['ar', 'هذا الإجراء غير مدعوم'],
  ])('answers a context-menu command (%s) with one ephemeral “not supported” line and a warning', async (locale, text) => {
    const { route, lines } = router({});
    const { i, calls } = interaction('context menu', 'Translate', { locale });
    await route(i);
    expect(calls).toEqual([['reply via discord.js', expect.objectContaining({ content: expect.stringContaining(text), flags: 64, allowedMentions: expect.anything() })]]);
    expect(String((calls[0]![1] as { content: string }).content)).not.toContain('\n');
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });
});

describe('sanitizeChoices', () => {
  it.each([
    ['over-long names cut to 100', [{ name: 'x'.repeat(150), value: 'a' }], [{ name: 'x'.repeat(100), value: 'a' }]],
    ['empty names and values dropped', [{ name: '', value: 'a' }, { name: 'b', value: '' }], []],
    ['over-long values dropped', [{ name: 'a', value: 'v'.repeat(101) }], []],
    ['duplicate values dropped', [{ name: 'a', value: 'v' }, { name: 'b', value: 'v' }], [{ name: 'a', value: 'v' }]],
  ])('keeps choices valid: %s', (_name, input, expected) => {
    expect(sanitizeChoices(input)).toEqual(expected);
  });
});
