import type { ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import * as brief from '../../commands/brief';
import * as quote from '../../commands/quote';
import * as schedule from '../../commands/schedule';
import { parseFrontMatter } from '../../src/content/front-matter';
import type { CommandContext } from '../../src/discord/command';
import { labelsFor } from '../../src/discord/labels';
import {
  ArticleNotFoundError, ArticleTooLargeError, BinaryArticleError, EmptyArticleError, FrontMatterError, NotRegularFileError,
  InvalidArticleIdError, InvalidOptionError, UserError,
} from '../../src/errors';
import { SCHEDULING_SERVICE } from '../../src/scheduler/scheduling';
import { memoryStore } from '../scheduler/helpers';
import { expectLocalized } from '../support/localized-text';

/** The three texts of an error, as `messageIn` gives them. */
const textsOf = (error: UserError) => ({ en: error.messageIn('en'), ar: error.messageIn('ar'), fr: error.messageIn('fr') });

/** The UserError a call throws or rejects with. */
async function caught(run: () => unknown): Promise<UserError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('UserError', () => {
  it('keeps a plain string as is in every language (already localised, or CLI-only)', () => {
    const error = new UserError('Missing the article to brief.');
    expect(error.message).toBe('Missing the article to brief.');
    expect(textsOf(error)).toEqual({ en: error.message, ar: error.message, fr: error.message });
  });

  it('answers English for a language it has no text in', () => {
    const error = new ArticleNotFoundError('x');
    expect(error.messageIn('other')).toBe(error.message);
    expect(error.messageIn(undefined)).toBe(error.message);
  });

  it('keeps the CLI flag messages English (a plain detail)', () => {
    const error = new InvalidOptionError('--sentences', 'expects a number');
    expect(textsOf(error)).toEqual({ en: 'Invalid --sentences: expects a number', ar: error.message, fr: error.message });
  });
});

const FRONT_MATTER = [
  ['an unclosed block', '---\ntitle: x\nbody'],
  ['a line that is not key: value', '---\njust words\n---\nx'],
  ['a field given twice', '---\ntitle: a\ntitle: b\n---\nx'],
  ['an unknown field', '---\ntitel: x\n---\nx'],
  ['an empty title', '---\ntitle: ""\n---\nx'],
  ['an over-long source', `---\nsource: ${'s'.repeat(201)}\n---\nx`],
  ['a bad url', '---\nurl: not a url\n---\nx'],
  ['a bad language', '---\nlanguage: Arabic!\n---\nx'],
] as const;

describe('errors of src/errors.ts in English, Arabic and French', () => {
  it.each([
    ['ArticleNotFoundError', new ArticleNotFoundError('lavrov-moscow'), 'No article named "lavrov-moscow" in the library.'],
    ['InvalidArticleIdError', new InvalidArticleIdError('../../etc/passwd'), '"../../etc/passwd" is not a valid article id: use the article\'s name, without folders or extension.'],
    ['EmptyArticleError', new EmptyArticleError('empty.md'), 'empty.md is empty: there is no text to brief.'],
    ['BinaryArticleError', new BinaryArticleError('photo.txt'), 'photo.txt is not UTF-8 text (binary data or another encoding).'],
    ['ArticleTooLargeError', new ArticleTooLargeError('huge.txt', 3_500_000, 2_000_000), 'huge.txt is 3,500,000 bytes, over the 2,000,000-byte limit.'],
    ['NotRegularFileError', new NotRegularFileError('feed.txt'), 'feed.txt is not a regular file (a pipe, device or socket): there is no article to read.'],
    ['FrontMatterError (a detail it does not know)', new FrontMatterError('a.md', 'title', 'is odd'), 'a.md: front matter field "title" is odd'],
    // zod's own message for a date that is neither form: the generic sentence.
    ['FrontMatterError (zod’s "Invalid input")', new FrontMatterError('a.md', 'published', 'Invalid input'), 'a.md: front matter field "published" Invalid input'],
  ])('%s: English message unchanged, three distinct one-liners', (_name, error, english) => {
    expect(error.message).toBe(english);
    expectLocalized(textsOf(error));
  });

  it.each([
    // 1 MiB against the default cap of 1,000,000 bytes: "1 MB, over the 1 MB limit" said nothing.
    [1_048_576, 1_000_000, 'is 1,048,576 bytes, over the 1,000,000-byte limit.', '1,048,576 بايت', '(1,000,000 بايت)', '1\u202f048\u202f576 octets', '1\u202f000\u202f000 octets'],
    [1_000_001, 1_000_000, 'is 1,000,001 bytes, over the 1,000,000-byte limit.', '1,000,001 بايت', '(1,000,000 بايت)', '1\u202f000\u202f001 octets', '1\u202f000\u202f000 octets'],
    [2, 1, 'is 2 bytes, over the 1-byte limit.', '2 بايت', '(1 بايت)', '2 octets', 'limite de 1 octet.'],
  ])('gives %i bytes over a cap of %i exactly, digits grouped, in each language', (bytes, cap, en, ar1, ar2, fr1, fr2) => {
    const error = new ArticleTooLargeError('huge.txt', bytes, cap);
    expect(error.message).toBe(`huge.txt ${en}`);
    expect(error.messageIn('ar')).toContain(ar1);
    expect(error.messageIn('ar')).toContain(ar2);
    expect(error.messageIn('fr')).toContain(fr1);
    expect(error.messageIn('fr')).toContain(fr2);
  });

  it.each(FRONT_MATTER)('FrontMatterError for %s: a specific Arabic and French sentence', async (_name, text) => {
    const error = await caught(() => parseFrontMatter(text, 'story.md'));
    expect(error).toBeInstanceOf(FrontMatterError);
    expectLocalized(textsOf(error));
    // The generic wording is the fallback for details src/content rewords: these are all known.
    expect(error.messageIn('ar')).not.toContain('قيمته غير صالحة');
    expect(error.messageIn('fr')).not.toContain('a une valeur invalide');
  });
});

/** A slash command interaction with only what the handlers below read. */
function commandInteraction(fields: { guildId?: string | null; subcommand?: string; text?: string }): ChatInputCommandInteraction {
  return {
    guildId: fields.guildId ?? null,
    locale: 'ar',
    isChatInputCommand: () => true,
    isAutocomplete: () => false,
    options: { data: [], getSubcommand: () => fields.subcommand ?? 'list', getString: () => fields.text ?? null },
  } as unknown as ChatInputCommandInteraction;
}

const ctx = {
  services: { [SCHEDULING_SERVICE]: { store: memoryStore(), wake: () => undefined } },
  now: () => Date.UTC(2026, 0, 1),
  libraryFor: () => ({ newest: async () => undefined }),
} as unknown as CommandContext;

describe('errors thrown by the commands in English, Arabic and French', () => {
  it.each([
    ['/schedule in a DM', () => schedule.execute(commandInteraction({}), ctx), 'Schedules belong to a server'],
    ['an unknown /schedule subcommand', () => schedule.execute(commandInteraction({ guildId: '1', subcommand: 'explode' }), ctx), 'Unknown /schedule subcommand.'],
    ['a /quote option over 100 characters', () => quote.execute(commandInteraction({ text: 'x'.repeat(101) }), ctx), 'Invalid query: at most 100 characters'],
  ])('%s', async (_name, run, english) => {
    const error = await caught(run);
    expect(error.message).toContain(english);
    expectLocalized(textsOf(error));
  });

  it('says the library is empty with the labels, and logs it in English', async () => {
    const error = await caught(() => brief.execute(commandInteraction({}), ctx));
    expect(error.message).toBe(labelsFor('en').emptyLibrary);
    expect(textsOf(error)).toEqual({ en: labelsFor('en').emptyLibrary, ar: labelsFor('ar').emptyLibrary, fr: labelsFor('fr').emptyLibrary });
  });
});
