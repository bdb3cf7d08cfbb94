import { parseHTML } from 'linkedom';

const BLOCK_END = /<\/(p|div|h[1-6]|li|blockquote|section|article|tr|pre|figure)\s*>|<br\s*\/?>/gi;
const DROPPED = /<(script|style|noscript|iframe|svg)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<\/?[a-zA-Z][^>]*>/g;
const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/** Named character references seen in news feeds; any other sends the fragment through the full HTML parser. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™',
  deg: '°', euro: '€', pound: '£', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', ccedil: 'ç',
  iacute: 'í', icirc: 'î', iuml: 'ï', oacute: 'ó', ocirc: 'ô', ouml: 'ö', otilde: 'õ', uacute: 'ú', ugrave: 'ù', ucirc: 'û', uuml: 'ü',
  Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À', Acirc: 'Â', Ccedil: 'Ç', Ocirc: 'Ô', ntilde: 'ñ', szlig: 'ß', oelig: 'œ', OElig: 'Œ',
};

/** Decode character references; undefined when one is not in {@link NAMED} (the caller parses the fragment fully). */
function decodeEntities(text: string): string | undefined {
  let unknown = false;
  const decoded = text.replace(ENTITY, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = NAMED[ref];
    if (named === undefined) unknown = true;
    return named ?? whole;
  });
  return unknown ? undefined : decoded;
}

/**
 * Plain text of an HTML fragment (a feed item's description or content):
 * tags dropped, entities decoded, one paragraph per block, paragraphs
 * separated by a blank line. Text without markup comes back trimmed. The
 * usual fragment is handled by a scan; one with a rare named entity goes
 * through the HTML parser (same result, slower).
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const marked = html.replace(COMMENT, ' ').replace(DROPPED, ' ').replace(BLOCK_END, (tag) => `${tag}\n\n`);
  const fast = decodeEntities(marked.replace(TAG, ''));
  if (fast !== undefined) return tidy(fast);
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  return tidy(document.body?.textContent ?? '');
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
