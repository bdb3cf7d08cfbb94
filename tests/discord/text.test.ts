import { describe, expect, it } from 'vitest';
import { escapeMarkdown, truncate } from '../../src/discord/text';

const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['bold', '**bold**', '\\*\\*bold\\*\\*'],
    ['underline and italics', '__u__ _i_', '\\_\\_u\\_\\_ \\_i\\_'],
    ['strike and spoiler', '~~s~~ ||x||', '\\~\\~s\\~\\~ \\|\\|x\\|\\|'],
    ['code', '`rm -rf`', '\\`rm -rf\\`'],
    ['masked link', '[click](https://evil.example)', '\\[click\\]\\(https://evil.example)'],
    ['heading', '# Title', '\\# Title'],
    ['subtext', '-# small', '\\-# small'],
    ['block quote', '> quoted\n>>> all', '\\> quoted\n\\>>> all'],
    ['list markers', '- a\n* b\n1. c', '\\- a\n\\* b\n1\\. c'],
    ['backslash', 'a\\b', 'a\\\\b'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['@everyone', 'hi @everyone', `hi @${ZWSP}everyone`],
    ['@here', '@here now', `@${ZWSP}here now`],
    ['user mention', 'ask <@123456789012345678>', `ask <${ZWSP}@123456789012345678>`],
    ['role mention', '<@&123456789012345678>', `<${ZWSP}@&123456789012345678>`],
    ['channel link', '<#123456789012345678>', `<${ZWSP}#123456789012345678>`],
  ])('neutralises %s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['Arabic', 'قال الوزير: «نحن هنا» - ليس هناك شيء'],
    ['French', 'Le ministre a déclaré : « nous sommes là » — rien de plus'],
    ['hyphen mid-line', 'a well-known fact - indeed'],
  ])('leaves plain %s text unchanged', (_name, text) => {
    expect(escapeMarkdown(text)).toBe(text);
  });
});

describe('truncate', () => {
  it.each([
    ['short text', 'hello world', 20, 'hello world'],
    ['at a word boundary', 'the quick brown fox jumps', 18, 'the quick brown…'],
    ['Arabic at a word boundary', 'قال الوزير إن الحكومة ستعمل', 16, 'قال الوزير إن…'],
    ['French at a word boundary', 'Le ministre a déclaré que', 15, 'Le ministre a…'],
  ])('cuts %s', (_name, text, max, expected) => {
    const out = truncate(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });

  it.each([
    ['a surrogate pair', '😀'.repeat(20), 8],
    ['Arabic combining marks', 'مُحَمَّدٌ'.repeat(20), 9],
    ['an emoji sequence', '👩‍👩‍👧'.repeat(10), 12],
  ])('never splits %s', (_name, text, max) => {
    const out = truncate(text, max);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.endsWith('…')).toBe(true);
    const head = out.slice(0, -1);
    expect(text.startsWith(head)).toBe(true);
    const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
    expect(segments).toContain(head.length);
  });

  it('never leaves a dangling escape backslash', () => {
    const escaped = escapeMarkdown('*'.repeat(50));
    for (let max = 2; max < 30; max++) {
      const out = truncate(escaped, max);
      const slashes = /\\*…$/.exec(out)![0].length - 1;
      expect(slashes % 2).toBe(0);
    }
  });

  it.each([0, 1])('handles a tiny budget of %i', (max) => {
    expect(truncate('hello world', max).length).toBeLessThanOrEqual(max);
  });
});
