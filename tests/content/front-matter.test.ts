import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter';
import { ArticleMetaSchema } from '../../src/content/types';
import { FrontMatterError } from '../../src/errors';

/** The outcome of parsing one field: its value, or the error message. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return (error as Error).message;
  }
}

const CANDIDATES: Record<string, string[]> = {
  url: ['https://example.com/a', 'HTTP://EXAMPLE.com/x?q=1#f', 'http:example.com', 'https:/path', 'ftp://example.com', 'https://exa mple.com', '  https://example.com  ', 'https://', 'https://[::1]:8080/', 'javascript:alert(1)', 'https://user:pw@host/p', 'https://例え.jp/ا', 'https://a\tb.com', 'not a url'],
  published: ['2018-02-18T17:21:49.000Z', '2024-02-29', '2023-02-29', '2024-05-01T10:00', '2024-05-01T10:00+02:00', '2024-05-01T10:00:00+02:00', '2024-05-01T10:00:00.5-03:30', '2024-13-01', '2024-05-01 10:00', 'yesterday', ' 2024-05-01', ''],
  title: ['Le maire', '', '   ', '  padded  ', 'x'.repeat(1000), 'x'.repeat(1001), ` ${'x'.repeat(1000)} `],
  source: ['BBC', '', 'y'.repeat(200), 'y'.repeat(201)],
  author: ['Jeanne', ' ', 'z'.repeat(201)],
  language: ['ar', 'pt-BR', 'fra', ' fr ', 'Arabic!', 'e', 'en-', ''],
};

describe('parseFrontMatter', () => {
  it.each([
    ['no front matter', 'Hello world.', {}, 'Hello world.'],
    ['all fields', '---\ntitle: "Le maire parle"\nsource: Le Monde\nurl: https://example.com/a\npublished: 2024-05-01\nlanguage: fr\nauthor: Jeanne\n---\nCorps.', { title: 'Le maire parle', source: 'Le Monde', url: 'https://example.com/a', published: '2024-05-01', language: 'fr', author: 'Jeanne' }, 'Corps.'],
    ['arabic title with comment', "---\n# comment\ntitle: 'لافروف في بيونغ يانغ'\n---\nنص", { title: 'لافروف في بيونغ يانغ' }, 'نص'],
    ['closing line last, no body', '---\ntitle: x\n---', { title: 'x' }, ''],
    ['closing line with spaces, body with its own rules', '---\ntitle: x\n---  \n\nA\n---\nB\n', { title: 'x' }, '\nA\n---\nB\n'],
    ['empty block', '---\n---\nBody', {}, 'Body'],
    ['a rule that is not the first line', 'Intro\n---\ntitle: x\n---\n', {}, 'Intro\n---\ntitle: x\n---\n'],
  ])('%s', (_name, text, meta, body) => {
    expect(parseFrontMatter(text, 'a.md')).toEqual({ meta, body });
  });

  it.each([
    ['bad url', '---\nurl: not a url\n---\nx', 'url'],
    ['bad date', '---\npublished: yesterday\n---\nx', 'published'],
    ['unknown field', '---\ntitel: x\n---\nx', 'titel'],
    ['unclosed block', '---\ntitle: x\nbody', '---'],
    ['duplicate field', '---\ntitle: a\ntitle: b\n---\nx', 'title'],
    ['bad language', '---\nlanguage: Arabic!\n---\nx', 'language'],
    ['a field named like an Object key (constructor)', '---\nconstructor: x\n---\nx', 'constructor'],
    ['a field named __proto__', '---\n__proto__: x\n---\nx', '__proto__'],
  ])('rejects %s naming the file and field', (_name, text, field) => {
    expect(() => parseFrontMatter(text, 'story.md')).toThrow(FrontMatterError);
    try {
      parseFrontMatter(text, 'story.md');
    } catch (error) {
      expect((error as FrontMatterError).field).toBe(field);
      expect((error as Error).message).toContain('story.md');
    }
  });

  it.each([
    ['an invalid url', 'url: not a url', 'must be an http(s) URL'],
    ['a date in words', 'published: yesterday', 'must be an ISO date such as 2024-05-01'],
    ['a date with a space before the time', 'published: 2024-05-01 10:00', 'must be an ISO date such as 2024-05-01'],
    ['a language name', 'language: Arabic!', 'must be a language code'],
  ])('says what is wrong with %s, in words a writer can act on', (_name, line, detail) => {
    expect(() => parseFrontMatter(`---\n${line}\n---\nx`, 'story.md')).toThrow(detail);
  });

  it.each(Object.entries(CANDIDATES).flatMap(([key, values]) => values.map((value) => [key, value] as const)))('accepts and rejects %s %j exactly as the schema does', (key, value) => {
    const text = `---\n${key}: "${value}"\n---\nBody.`;
    const parsed = outcome(() => parseFrontMatter(text, 'a.md').meta);
    const direct = ArticleMetaSchema.safeParse({ [key]: value });
    if (direct.success) expect(parsed).toEqual(direct.data);
    else expect(parsed).toContain(direct.error.issues[0]!.message);
  });
});
