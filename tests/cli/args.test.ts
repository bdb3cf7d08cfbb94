import { describe, expect, it } from 'vitest';
import { parseBriefArgs } from '../../src/cli/args';
import { looksLikePath } from '../../src/cli/resolve';
import { InvalidOptionError, UserError } from '../../src/errors';

describe('parseBriefArgs', () => {
  it.each([
    [['content/a.txt'], { target: 'content/a.txt', json: false }],
    [['lavrov-north-korea', '--json'], { target: 'lavrov-north-korea', json: true }],
    [['--sentences', '5', 'a.md'], { target: 'a.md', sentences: 5 }],
    [['a.md', '--words=120'], { target: 'a.md', words: 120 }],
    [['a.md', '--max-bytes', '2000000'], { target: 'a.md', maxBytes: 2_000_000 }],
    [['--', '--odd-name.txt'], { target: '--odd-name.txt' }],
    [['مقال-عربي'], { target: 'مقال-عربي' }],
  ])('parses %j', (argv, expected) => {
    expect(parseBriefArgs(argv)).toMatchObject(expected);
  });

  it('accepts --help without an article', () => {
    expect(parseBriefArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['a.txt', '--sentences'], InvalidOptionError, /--sentences/],
    [['a.txt', '--sentences', 'abc'], InvalidOptionError, /not a whole number/],
    [['a.txt', '--sentences', '0'], InvalidOptionError, /between 1 and/],
    [['a.txt', '--sentences', '-2'], InvalidOptionError, /--sentences/],
    [['a.txt', '--words', '2.5'], InvalidOptionError, /not a whole number/],
    [['a.txt', '--words', '999999'], InvalidOptionError, /between 1 and/],
    [['a.txt', '--max-bytes', '0'], InvalidOptionError, /between 1 and/],
    [['a.txt', '--max-bytes=ten'], InvalidOptionError, /not a whole number/],
    [['a.txt', '--colour'], InvalidOptionError, /unknown flag/],
    [['a.txt', '-x'], InvalidOptionError, /unknown flag/],
    [[], UserError, /Missing the article/],
    [['a.txt', 'b.txt'], UserError, /Expected one article/],
    [['  '], UserError, /empty/],
  ])('rejects %j', (argv, type, message) => {
    expect(() => parseBriefArgs(argv)).toThrow(type);
    expect(() => parseBriefArgs(argv)).toThrow(message);
  });
});

describe('looksLikePath', () => {
  it.each([
    ['content/a.txt', true],
    ['./a', true],
    ['a.md', true],
    ['C:\\news\\a', true],
    ['lavrov-north-korea', false],
    ['مقال_عربي', false],
  ])('%s → %s', (target, path) => {
    expect(looksLikePath(target)).toBe(path);
  });
});
