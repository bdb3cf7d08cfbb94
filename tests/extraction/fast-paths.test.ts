import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/content/web/charset';
import { extractArticle, NotAnArticleError } from '../../src/extraction';
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

/** The extraction, or the reason it refused the page. */
function extraction(html: string, keepHidden: boolean): unknown {
  try {
    return extractArticle(html, 'https://news.example/a', { keepHidden });
  } catch (error) {
    if (error instanceof NotAnArticleError) return { refused: error.reason };
    throw error;
  }
}

describe('dropping hidden elements before Readability changes nothing it returns (property)', () => {
  const PARAGRAPHS = [
    'Le conseil municipal a adopté mardi le nouveau budget des transports après un débat de plus de six heures.',
    '« C’est un plan juste pour chaque quartier », a déclaré le maire aux journalistes à la sortie de la séance.',
    'The city council approved the new transport budget on Tuesday after a debate that lasted more than six hours.',
    '"This is a fair plan for every neighbourhood," the mayor told reporters outside the chamber after the vote.',
    'وافق المجلس البلدي يوم الثلاثاء على ميزانية النقل الجديدة بعد نقاش استمر أكثر من ست ساعات داخل القاعة الرئيسية.',
    'وقال رئيس البلدية للصحفيين بعد التصويت إن «هذه خطة عادلة لكل الأحياء في المدينة دون استثناء».',
  ];
  const HIDDEN = [
    '<div hidden><ul><li><a href="/a">Menu</a></li><li><a href="/b">Sport</a></li></ul></div>',
    '<div style="display: none"><p>Abonnez-vous à notre newsletter pour recevoir les dernières nouvelles.</p></div>',
    '<span aria-hidden="true">★ Live</span>',
    '<div aria-hidden="true" class="fallback-image"><p>A math image the reader keeps.</p></div>',
    '<div hidden><h1>A hidden headline the title may come from</h1></div>',
    '<div hidden><script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline from JSON-LD"}</script></div>',
    '<div hidden><meta property="og:title" content="Headline from a hidden meta"></div>',
    '<section hidden><div hidden><p>Nested hidden text that is quite long and could look like an article paragraph.</p></div></section>',
    '<p aria-hidden="true">قال الوزير إن هذه الفقرة مخفية عن القارئ ولا يجب أن تظهر في النص المستخرج من الصفحة.</p>',
  ];
  const block = fc.oneof(fc.constantFrom(...PARAGRAPHS).map((text) => `<p>${text}</p>`), fc.constantFrom(...HIDDEN));
  const page = fc
    .record({ lang: fc.constantFrom('fr', 'en', 'ar'), title: fc.constantFrom('Budget vote', 'Le vote du budget', 'تصويت الميزانية'), h1: fc.boolean(), before: fc.array(fc.constantFrom(...HIDDEN), { maxLength: 3 }), body: fc.array(block, { minLength: 1, maxLength: 10 }) })
    .map(({ lang, title, h1, before, body }) => `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>${before.join('')}<article>${h1 ? `<h1>${title}</h1>` : ''}${body.join('\n')}</article></body></html>`);

  it('gives the same article (or the same refusal) with and without the early drop on generated ar/en/fr pages', () => {
    fc.assert(fc.property(page, (html) => {
      expect(extraction(html, false)).toEqual(extraction(html, true));
    }), { numRuns: 150 });
  });

  const pages = sharedCorpus('web/pages', 'shared web pages');
  const sources = pages.present ? readdirSync(pages.path).map((id) => join(pages.path, id, 'source.html')).filter((file) => existsSync(file)) : [];
  it.skipIf(!pages.present).each(sources)('gives the same article for %s', (file) => {
    const html = decodeText(readFileSync(file)).text;
    expect(extraction(html, false)).toEqual(extraction(html, true));
  });
});
