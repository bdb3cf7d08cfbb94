/** Page metadata cleaned up: title without site suffix, ISO dates, language and direction from the text. */
import { detectLanguage, directionOf, languageFromCode } from '../briefing/language';
import type { Direction } from '../briefing/schema';

const TITLE_SEPARATORS = /\s+[-|–—:·•»]\s+/;

/**
 * The headline without the site's name around it: `Title - CNNArabic.com`,
 * `Site | Title`. Only a part that names the site (or a domain) goes.
 */
export function cleanTitle(title: string, siteName: string | undefined, url: string): string {
  // Collapse layout whitespace only: a no-break space (French « … ») is part of the title.
  const trimmed = title.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
  const parts = trimmed.split(TITLE_SEPARATORS);
  if (parts.length < 2) return trimmed;
  const names = siteNames(siteName, url);
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (names.some((name) => matchesSite(last, name))) return trimmed.slice(0, trimmed.lastIndexOf(last)).replace(TRAILING_SEPARATOR, '').trim();
  if (names.some((name) => matchesSite(first, name))) return trimmed.slice(first.length).replace(LEADING_SEPARATOR, '').trim();
  return trimmed;
}

const TRAILING_SEPARATOR = /\s+[-|–—:·•»]\s*$/;
const LEADING_SEPARATOR = /^\s*[-|–—:·•»]\s+/;

function siteNames(siteName: string | undefined, url: string): string[] {
  const names: string[] = [];
  if (siteName) names.push(siteName);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    names.push(host, host.split('.')[0]!);
  } catch {
    // No usable URL: the site name alone decides.
  }
  return names.map(squash).filter((name) => name.length >= 2);
}

function matchesSite(part: string, name: string): boolean {
  const squashed = squash(part);
  return squashed === name || squashed.startsWith(name) || name.startsWith(squashed) || squashed.replace(/(com|net|org|fr|co|uk)$/g, '') === name;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** An ISO 8601 date-time for a page's published date, or undefined when it is not a date. */
export function normalizeDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  // A date or a date-time without zone stays as written: converting it would depend on this machine's time zone.
  const local = value.trim().match(/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/);
  if (local) return local[2] ? `${local[1]}T${local[2].length === 5 ? `${local[2]}:00` : local[2]}` : local[1];
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? date.toISOString() : undefined;
}

/**
 * Language: what the text says when it is Arabic, English or French (pages
 * often carry a template's `lang`), else the page's `lang` base code.
 */
export function pageLanguage(text: string, lang: string | null | undefined): string | undefined {
  const detected = detectLanguage(text);
  if (detected !== 'other') return detected;
  const declared = languageFromCode(lang ?? undefined);
  if (declared && declared !== 'other') return declared;
  const base = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv', 'sd', 'ug']);

/** Direction from the language and the text's script; a `dir` attribute alone does not decide. */
export function pageDirection(text: string, language: string | undefined): Direction {
  if (language && RTL_LANGUAGES.has(language)) return 'rtl';
  return directionOf(languageFromCode(language) ?? 'other', text);
}
