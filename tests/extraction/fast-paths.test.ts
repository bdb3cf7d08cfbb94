import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/content/web/charset';
import { letterCount, letterCountReference } from '../../src/extraction/blocks';
import { prepareHtml, prepareHtmlReference } from '../../src/extraction/prepare-html';
import { sharedCorpus } from '../support/shared-data';

describe('letterCount agrees with its plain definition (property)', () => {
  const pieces = fc.constantFrom('Le maire', 'قال الوزير', 'été', '٢٠٢٦', '2026', '𝐀𝐁', '😀', '\ud800', '\udc00', ' ', '\n', '—', '«»', 'ـ', 'ﷲ', 'x');
  it('counts the same letters and digits in ar/en/fr text, astral letters, emoji and lone surrogates', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      expect(letterCount(text)).toBe(letterCountReference(text));
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
      expect(letterCount(text)).toBe(letterCountReference(text));
    }), { numRuns: 500 });
  });

  it.each([
    ['English', 'Hello, world 42!', 12],
    ['French', 'l’été à Paris', 10],
    ['Arabic', 'قال الوزير ٢٠٢٦', 13],
    ['empty', '', 0],
  ])('%s: %j has %i letters', (_name, text, count) => expect(letterCount(text)).toBe(count));
});

describe('prepareHtml agrees with its plain definition', () => {
  const CONTAINERS = ['script', 'style', 'svg', 'noscript', 'nav', 'footer', 'aside', 'iframe', 'button'];
  const text = fc.constantFrom('Le maire a dit', 'قال الوزير', 'The mayor said', ' ', '&amp;', 'x < y');
  /** Script text may hold any closing tag in a string. */
  const scriptText = fc.constantFrom('var a = 1;', "var s = '</nav>';", "document.write('<footer>x</footer>')", '{"headline": "قال"}');
  /** A well-nested page fragment: text, paragraphs and containers (scripts hold text only, as HTML parses them). */
  const fragment: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.tuple(fc.constantFrom('p', 'div', 'section', 'header'), fc.constantFrom('', ' class="story"', ' style="display:none"', ' data-track="1" id="main"'), tie('nodes')).map(([tag, attrs, inner]) => `<${tag}${attrs}>${inner}</${tag}>`),
      fc.tuple(fc.constantFrom(...CONTAINERS.slice(2)), tie('nodes')).map(([tag, inner]) => `<${tag} class="x">${inner}</${tag.toUpperCase()}>`),
      fc.tuple(fc.constantFrom('script', 'style'), scriptText, fc.boolean()).map(([tag, inner, ld]) => `<${tag}${ld ? ' type="application/ld+json"' : ''}>${inner}</${tag}>`),
      fc.constantFrom('<!-- a comment <nav> -->', '<img src="a.png" alt="x">', '<br/>', '<nav>never closed', '<aside class="teaser">'),
    ),
    nodes: fc.array(tie('node'), { maxLength: 5 }).map((parts) => parts.join('')),
  })).nodes as fc.Arbitrary<string>;

  it('removes the same markup from generated pages (nested containers, unclosed ones, JSON-LD, comments, mixed case)', () => {
    fc.assert(fc.property(fragment, (body) => {
      const html = `<!doctype html><html lang="fr"><head><title>T</title></head><body>${body}</body></html>`;
      expect(prepareHtml(html)).toBe(prepareHtmlReference(html));
    }), { numRuns: 500 });
  });

  const pages = sharedCorpus('web/pages', 'shared web pages');
  const sources = pages.present ? readdirSync(pages.path).map((id) => join(pages.path, id, 'source.html')).filter((file) => existsSync(file)) : [];
  it.skipIf(!pages.present).each(sources)('gives the same prepared page for %s', (file) => {
    const html = decodeText(readFileSync(file)).text;
    expect(prepareHtml(html)).toBe(prepareHtmlReference(html));
  });
});
