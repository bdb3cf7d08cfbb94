import { describe, expect, it } from 'vitest';
import { charsetParameter, decodeText, encodingFor } from '../../../src/content/web/charset';
import { feedBytes, pageBytes } from '../../support/web-fixtures';

const MOJIBAKE = /â€|Ã©|Ã¨|Ã |\uFFFD/;

describe('decodeText on real pages', () => {
  it.each([
    ['en-bbc-1', 'meta charset past the first 1024 bytes', 'meta', 'Copyright © 2015'],
    ['en-cnn', 'http-equiv charset past the first 1024 bytes', 'meta', 'Standard &amp; Poor’s'],
    ['en-nytimes-1', 'no charset declared anywhere', 'valid-utf-8', '“'],
    ['fr-lemonde-1', 'French accents', 'meta', 'Assemblée'],
    ['ar-cnnarabic-2013', 'Arabic', 'meta', 'معارضون يسيطرون على مخازن للصواريخ'],
  ] as const)('%s (%s) decodes as UTF-8', (id, _why, source, sample) => {
    const decoded = decodeText(pageBytes(id));
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.source).toBe(source);
    expect(decoded.text.includes(sample)).toBe(true);
    expect(MOJIBAKE.test(decoded.text)).toBe(false);
  });

  it('the HTTP header wins over the page', () => {
    const decoded = decodeText(pageBytes('en-bbc-1'), 'text/html; charset=UTF-8');
    expect(decoded.source).toBe('header');
  });
});

describe('decodeText on real feeds', () => {
  it.each([
    ['built-rss2-ar-windows-1256-ant.xml', undefined, 'windows-1256', 'xml-declaration', 'بعد مذبحة المدرسة الأمريكية، مسيرة في واشنطن ضد فوضى السلاح'],
    ['built-rss2-ar-windows-1256-ant.xml', 'application/rss+xml; charset=windows-1256', 'windows-1256', 'header', 'مسيرة في واشنطن'],
    ['rss2-iso-8859-1-jn.rss', undefined, 'windows-1252', 'xml-declaration', 'Mãe de utente é a nova presidente da Raríssimas'],
    ['malformed-undeclared-latin1-uol.rss', undefined, 'windows-1252', 'fallback', 'Últimas Notícias'],
    ['malformed-undeclared-latin1-uol.rss', 'text/xml; charset="iso-8859-1"', 'windows-1252', 'header', 'Últimas Notícias'],
  ])('%s with Content-Type %s → %s from %s', (file, contentType, charset, source, sample) => {
    const decoded = decodeText(feedBytes(file), contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.source).toBe(source);
    expect(decoded.text.includes(sample)).toBe(true);
    expect(MOJIBAKE.test(decoded.text)).toBe(false);
  });

  it('a windows-1256 feed read blindly as UTF-8 is garbled (why decoding is ours)', () => {
    expect(new TextDecoder().decode(feedBytes('built-rss2-ar-windows-1256-ant.xml'))).toMatch(/\uFFFD/);
  });
});

describe('decodeText rules', () => {
  const bytes = (text: string, encoding = 'utf-8') => (encoding === 'utf-8' ? new TextEncoder().encode(text) : Buffer.from(text, 'latin1'));
  const arabic1256 = Uint8Array.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]); // السلام in windows-1256

  it.each([
    ['a UTF-8 BOM beats a wrong header', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('café')]), 'text/html; charset=iso-8859-1', 'café', 'bom'],
    ['a UTF-16LE BOM', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), undefined, 'AB', 'bom'],
    ['windows-1256 named in the header', arabic1256, 'text/html; charset=windows-1256', 'السلام', 'header'],
    ['ISO-8859-6 named in a meta tag', Uint8Array.from([...Buffer.from('<html><head><meta charset="iso-8859-6"></head><body>'), 0xc7, 0xe4, 0xd3, 0xe4, 0xc7, 0xe5]), undefined, 'السلام', 'meta'],
    ['an http-equiv meta', Uint8Array.from([...Buffer.from('<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>'), ...arabic1256]), undefined, 'السلام', 'meta'],
    ['a meta tag inside a comment does not count', bytes('<head><!-- <meta charset="windows-1256"> --></head>déjà'), undefined, 'déjà', 'valid-utf-8'],
    ['a meta tag in the body does not count', bytes('<head></head><body><meta charset="windows-1256">déjà'), undefined, 'déjà', 'valid-utf-8'],
    ['an unknown label is skipped', bytes('déjà vu'), 'text/html; charset=x-unknown', 'déjà vu', 'valid-utf-8'],
    ['invalid UTF-8 falls back to windows-1252 (curly quotes and € included)', bytes('d\u00e9j\u00e0 \u0080 \u0093q\u0094 \u0097', 'latin1'), undefined, 'déjà € “q” —', 'fallback'],
    ['ISO-8859-1 is read as windows-1252, as browsers do', bytes('\u0093caf\u00e9\u0094', 'latin1'), 'text/plain; charset=ISO-8859-1', '“café”', 'header'],
    ['plain ASCII', bytes('hello'), undefined, 'hello', 'valid-utf-8'],
  ])('%s', (_name, input, contentType, text, source) => {
    const decoded = decodeText(input, contentType);
    expect(decoded.text.replace(/^<[^]*>/, '')).toBe(text);
    expect(decoded.source).toBe(source);
  });

  it.each([
    ['text/html; charset=UTF-8', 'UTF-8'],
    ['text/html;charset="windows-1256"', 'windows-1256'],
    ["text/xml; charset='iso-8859-1'; x=y", 'iso-8859-1'],
    ['text/html', undefined],
    [undefined, undefined],
  ])('charsetParameter(%s) → %s', (header, label) => {
    expect(charsetParameter(header)).toBe(label);
  });

  it.each([
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['cp1256', 'windows-1256'],
    ['utf-16', 'utf-8'],
    ['klingon', undefined],
  ])('encodingFor(%s) → %s', (label, encoding) => {
    expect(encodingFor(label)).toBe(encoding);
  });
});
