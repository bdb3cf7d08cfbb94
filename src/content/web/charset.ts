/**
 * Decode fetched bytes to text, choosing the character encoding the way a
 * browser would, but scanning further: `Response.text()` always assumes
 * UTF-8 and garbles a windows-1256 page even when its header names the
 * charset. Pure: no I/O.
 */

/** Where the encoding came from. */
export type CharsetSource = 'bom' | 'header' | 'xml-declaration' | 'meta' | 'valid-utf-8' | 'fallback';

/** Decoded text and how its encoding was chosen. */
export interface DecodedText {
  text: string;
  /** The WHATWG encoding name used (`utf-8`, `windows-1256`, …). */
  charset: string;
  source: CharsetSource;
}

/** How far into a document the `<meta charset>` scan goes when `</head>` never comes. */
const HEAD_SCAN_LIMIT = 256 * 1024;
const FALLBACK = 'windows-1252';

/**
 * Decode `bytes`. Order: a byte-order mark; the charset of the HTTP
 * `Content-Type`; an XML declaration's `encoding`; a `<meta charset>` or
 * `http-equiv` anywhere in `<head>`; strict UTF-8 when the bytes are valid
 * UTF-8; else windows-1252. A label the platform does not know is skipped.
 */
export function decodeText(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return decodeWith(bytes, bom, 'bom');
  const declared: [string | undefined, CharsetSource][] = [
    [charsetParameter(contentType), 'header'],
    [xmlDeclaredEncoding(bytes), 'xml-declaration'],
    [metaCharset(bytes), 'meta'],
  ];
  for (const [label, source] of declared) {
    const encoding = label && encodingFor(label);
    if (encoding) return decodeWith(bytes, encoding, source);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', source: 'valid-utf-8' };
  } catch {
    return decodeWith(bytes, FALLBACK, 'fallback');
  }
}

/** The WHATWG encoding for a label (`ISO-8859-1` → `windows-1252`), or undefined when unknown. UTF-16 named in a document means UTF-8, as in browsers. */
export function encodingFor(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetParameter(contentType: string | undefined): string | undefined {
  return contentType?.match(/;\s*charset\s*=\s*["']?([^"';\s]+)/i)?.[1];
}

function decodeWith(bytes: Uint8Array, encoding: string, source: CharsetSource): DecodedText {
  // TextDecoder drops the BOM of the encoding it decodes.
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return { text, charset: encoding, source };
}

/** What windows-1252 puts at 0x80–0x9F (U+FFFD where it has nothing). */
const WINDOWS_1252_C1 = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/**
 * windows-1252 as WHATWG defines it. Node 20's TextDecoder decodes this label
 * as ISO-8859-1, which turns 0x80–0x9F (€, curly quotes, dashes) into invisible
 * C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** `<?xml version="1.0" encoding="…"?>` near the start (a comment may come first in broken feeds). */
function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const start = latin1(bytes, 0, 1024);
  return start.match(/<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/)?.[1];
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` anywhere in `<head>`, comments and scripts skipped. */
function metaCharset(bytes: Uint8Array): string | undefined {
  let head = latin1(bytes, 0, HEAD_SCAN_LIMIT);
  const end = head.search(/<\/head\s*>|<body[\s>]/i);
  if (end >= 0) head = head.slice(0, end);
  head = head.replace(/<!--[\s\S]*?(?:-->|$)|<script\b[\s\S]*?(?:<\/script\s*>|$)/gi, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i)?.[1];
    if (direct && encodingFor(direct)) return direct;
  }
  return undefined;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(bytes.length, to) - from)).toString('latin1');
}
