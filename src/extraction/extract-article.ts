import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blocksOf, letterCount } from './blocks';
import { filterBoilerplate, isProse } from './boilerplate';
import { NotAnArticleError } from './errors';
import { prepareHtml } from './prepare-html';
import { cleanTitle, normalizeDate, pageDirection, pageLanguage } from './metadata';
import type { ExtractedArticle } from './types';

/** Fewest letters an article's text may have. */
export const MIN_ARTICLE_LETTERS = 250;
const MAX_EXCERPT = 300;
/** More elements than this (after the page is shrunk; news pages have 150–1,500) is not an article page. */
const MAX_ELEMENTS = 20_000;
const MAX_BYLINE = 120;


/** Elements inside the article container that are never its text. */
const NEVER_TEXT = 'figure, figcaption, aside, nav, footer, form, button, [hidden], [aria-hidden="true"], [role="button"], [role="dialog"], [role="complementary"], [role="navigation"]';
/** A paragraph that introduces embedded media ("WATCH | …", "Vidéo : …"): the label, the player and its blurb go together. */
const MEDIA_LABEL = /^\s*(?:watch|listen|video|vidéo|regarder|écouter|podcast|شاهد|استمع|فيديو)\s*[|:：]/iu;
/** Class or id words of widgets Readability keeps (share bars, teasers, captions, screen-reader labels). */
const WIDGET = /(?:^|[\s_-])(?:share|sharing|social|related|promo|newsletter|signup|subscribe|caption|credit|byline|timestamp|outbrain|taboola|advert|ads|sponsor|recommend|more-stories|read-?more|skip|visually-hidden|off-?screen|sr-only|screen-reader|player|paywall)(?:$|[\s_-])/i;
/** A widget is removed only when small beside the article (a class like `video-enabled` on the body must not empty it). */
const WIDGET_MAX_SHARE = 0.3;

/** How {@link extractArticle} works; the default is what the bot uses. */
export interface ExtractOptions {
  /**
   * Leave hidden elements for Readability to skip itself (slower): the plain
   * way, kept as the reference the property test holds the default to.
   */
  keepHidden?: boolean;
}

/**
 * Take the article out of an HTML page: Readability (on linkedom) finds the
 * container and the metadata, then a post-filter drops the boilerplate it
 * keeps. Pure: no network, no files.
 *
 * @throws NotAnArticleError for a feed, or a page with too little text.
 */
export function extractArticle(html: string, url: string, options: ExtractOptions = {}): ExtractedArticle {
  if (looksLikeFeed(html)) throw new NotAnArticleError('feed', url);
  // Dropping scripts, SVG (whose <title> would pass for the page's), navigation and stray attributes first makes parsing several times cheaper.
  const prepared = prepareHtml(html);
  if (countStartTags(prepared) > MAX_ELEMENTS) throw new NotAnArticleError('too-complex', url);
  const { document } = parseHTML(withBody(prepared));
  if (!options.keepHidden) dropHiddenSubtrees(document as unknown as DomElement);
  const parsed = readability(document);
  if (!parsed?.content) throw new NotAnArticleError('too-little-text', url);
  const container = parsed.content as unknown as DomElement;
  removeWidgets(container);
  const title = cleanTitle(pageTitle(document, parsed.title), parsed.siteName ?? undefined, url);
  const byline = cleanByline(parsed.byline);
  const siteName = parsed.siteName?.trim() || undefined;
  const blocks = filterBoilerplate(blocksOf(container as never), { title, byline, siteName });
  const text = blocks.map((block) => block.text).join('\n\n');
  if (letterCount(text) < MIN_ARTICLE_LETTERS || !blocks.some(isProse)) throw new NotAnArticleError('too-little-text', url);
  const language = pageLanguage(text, parsed.lang);
  return {
    url,
    title: title || blocks[0]!.text.slice(0, 200),
    byline,
    published: normalizeDate(parsed.publishedTime),
    siteName,
    language,
    direction: pageDirection(text, language),
    text,
    excerpt: clip(parsed.excerpt?.replace(/\s+/g, ' ').trim() || blocks.find(isProse)!.text, MAX_EXCERPT),
  };
}

/**
 * The page with a `<body>` around its content when it has none (HTML lets a
 * page leave the tag out, and a browser adds it): linkedom adds none, and
 * Readability reads nothing outside a body.
 */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const headEnd = /<\/head\s*>/i.exec(html);
  const htmlStart = /<html\b[^>]*>/i.exec(html);
  const at = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : 0;
  const close = html.slice(at).search(/<\/html\s*>/i);
  const end = close >= 0 ? at + close : html.length;
  const wrapped = `${html.slice(0, at)}<body>${html.slice(at, end)}</body>${html.slice(end)}`;
  return htmlStart ? wrapped : `<html>${wrapped}</html>`;
}

/** Readability's result; undefined when the markup is not a document it can read (plain text, a fragment). */
function readability(document: ReturnType<typeof parseHTML>['document']) {
  try {
    return new Readability(document as never, { serializer: (node) => node }).parse() ?? undefined;
  } catch {
    return undefined;
  }
}

/** Elements in the markup (Readability's own `maxElemsToParse` counts none on linkedom, whose getElementsByTagName('*') is empty). */
function countStartTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count;
}

/** RSS, Atom, RDF or JSON Feed text rather than a page. */
export function looksLikeFeed(text: string): boolean {
  const start = text.slice(0, 2000).replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<\?xml\b/i.test(start) || /^<(?:rss|feed|rdf:RDF)\b/i.test(start)) return /<(?:rss|feed|rdf:RDF|channel)\b/i.test(start);
  return start.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(start);
}

/** The part of linkedom's element used here (the project has no DOM lib types). */
interface DomElement {
  textContent: string | null;
  isConnected: boolean;
  querySelectorAll(selector: string): Iterable<DomElement>;
  querySelector(selector: string): DomElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

function removeWidgets(container: DomElement): void {
  for (const node of Array.from(container.querySelectorAll(NEVER_TEXT))) node.remove();
  const total = letterCount(container.textContent ?? '');
  for (const node of Array.from(container.querySelectorAll('[class], [id]'))) {
    if (!node.isConnected) continue;
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (WIDGET.test(names) && letterCount(node.textContent ?? '') <= total * WIDGET_MAX_SHARE) node.remove();
  }
  for (const node of Array.from(container.querySelectorAll('p, div, section'))) {
    if (node.isConnected && MEDIA_LABEL.test(node.textContent ?? '') && letterCount(node.textContent ?? '') <= total * WIDGET_MAX_SHARE) node.remove();
  }
}

/** What Readability skips as invisible (`_isProbablyVisible`; a `display:none` style became `hidden` in {@link prepareHtml}). */
const HIDDEN = 'body [hidden], body [aria-hidden="true"]';
/** What Readability or the title reads before it skips hidden elements (headline, `<title>`, metadata, JSON-LD). */
const READ_BEFORE_SKIPPING = 'h1, title, meta, script';

/**
 * Hidden elements removed before Readability runs: it would skip them anyway
 * (it removes each invisible element it walks to, on every attempt), but it
 * first walks, scores and serialises them, which on pages with hidden menus
 * and modals is a fifth of its time. Kept: the few Readability lets through
 * (`aria-hidden` math images of class `fallback-image`) and any holding what
 * is read before the skipping (an `<h1>`, `<title>`, `<meta>` or JSON-LD).
 */
function dropHiddenSubtrees(document: DomElement): void {
  for (const node of Array.from(document.querySelectorAll(HIDDEN))) {
    if (!node.isConnected || (node.getAttribute('hidden') === null && (node.getAttribute('class') ?? '').includes('fallback-image'))) continue;
    if (node.querySelector(READ_BEFORE_SKIPPING) === null) node.remove();
  }
}

/** Where a page names its headline for machines (what Readability's title then comes from). */
const TITLE_METADATA = 'meta[property="og:title"], meta[name="twitter:title"], meta[property="twitter:title"], meta[name="dc.title"], meta[property="dc:title"], meta[name="title"]';

/**
 * The headline: Readability's when the page gives one in metadata (og:title,
 * JSON-LD headline…); else the document's `<title>` as written (Readability
 * would cut "Budget vote - the long night" at its dash), else the first `<h1>`.
 */
function pageTitle(document: ReturnType<typeof parseHTML>['document'], readabilityTitle: string | null | undefined): string {
  const hasMetadata = document.querySelector(TITLE_METADATA) !== null || /"headline"\s*:/.test(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
  if (hasMetadata && readabilityTitle?.trim()) return readabilityTitle;
  const own = (document.querySelector('head > title') ?? document.querySelector('title'))?.textContent?.trim();
  return own || document.querySelector('h1')?.textContent?.trim() || readabilityTitle?.trim() || '';
}

function cleanByline(byline: string | null | undefined): string | undefined {
  const text = byline?.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_BYLINE || /^https?:\/\//i.test(text)) return undefined;
  return text;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
