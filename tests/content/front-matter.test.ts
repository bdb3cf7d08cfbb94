import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter';
import { FrontMatterError } from '../../src/errors';

describe('parseFrontMatter', () => {
  it.each([
    ['no front matter', 'Hello world.', {}, 'Hello world.'],
    ['all fields', '---\ntitle: "Le maire parle"\nsource: Le Monde\nurl: https://example.com/a\npublished: 2024-05-01\nlanguage: fr\nauthor: Jeanne\n---\nCorps.', { title: 'Le maire parle', source: 'Le Monde', url: 'https://example.com/a', published: '2024-05-01', language: 'fr', author: 'Jeanne' }, 'Corps.'],
    ['arabic title with comment', "---\n# comment\ntitle: 'لافروف في بيونغ يانغ'\n---\nنص", { title: 'لافروف في بيونغ يانغ' }, 'نص'],
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
  ])('rejects %s naming the file and field', (_name, text, field) => {
    expect(() => parseFrontMatter(text, 'story.md')).toThrow(FrontMatterError);
    try {
      parseFrontMatter(text, 'story.md');
    } catch (error) {
      expect((error as FrontMatterError).field).toBe(field);
      expect((error as Error).message).toContain('story.md');
    }
  });
});
