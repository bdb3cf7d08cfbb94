import { parseHTML } from 'linkedom';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml']);

/**
 * The feeds a page announces with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`,
 * as absolute http(s) URLs resolved against `pageUrl` (and `<base href>`), in document order, without repeats.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href') ?? undefined;
  let base = pageUrl;
  try {
    if (baseHref) base = new URL(baseHref, pageUrl).toString();
  } catch {
    // a broken <base>: keep the page URL
  }
  const found: string[] = [];
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    try {
      const url = new URL(link.getAttribute('href')!, base);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.toString())) found.push(url.toString());
    } catch {
      continue;
    }
  }
  return found;
}
