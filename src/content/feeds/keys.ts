import { createHash } from 'node:crypto';

/** What identifies an item, before keys are derived. */
export interface ItemIdentity {
  guid: string | null;
  link: string | null;
  title: string;
  published: number | null;
}

/**
 * The canonical form of an article link, for dedupe: https, lower-case host,
 * no `utm_*` parameters, no fragment. Undefined for anything that is not an
 * absolute http(s) URL.
 */
export function canonicalLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.protocol = 'https:';
  url.hash = '';
  if (url.port === '443' || url.port === '80') url.port = '';
  for (const name of [...url.searchParams.keys()]) if (/^utm_/i.test(name)) url.searchParams.delete(name);
  url.search = url.searchParams.size ? `?${url.searchParams.toString()}` : '';
  return url.toString();
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);
}

/** A title folded for comparison: Unicode-normalised, lower-case, spaces collapsed. */
function foldTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The item's primary key (guid / Atom id / JSON id, else canonical link, else
 * a hash of title and date) and every key it is known by: its id, its
 * canonical link and its title. A publisher that changes the guid but keeps
 * the link or the title, or edits the date, still matches a seen key.
 */
export function itemKeys(item: ItemIdentity): { key: string; keys: string[] } {
  const keys: string[] = [];
  const guid = item.guid?.trim();
  if (guid) keys.push(`id:${guid}`);
  const link = item.link ? canonicalLink(item.link) : undefined;
  if (link) keys.push(`link:${link}`);
  const title = foldTitle(item.title);
  if (title) keys.push(`title:${digest(title)}`);
  const key = keys[0]?.startsWith('title:') || !keys.length ? `hash:${digest(`${title}\n${item.published ?? ''}`)}` : keys[0]!;
  if (!keys.includes(key)) keys.push(key);
  return { key, keys };
}
