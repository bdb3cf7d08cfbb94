/**
 * Bytes → text for feeds: BOM, then the HTTP charset, then the XML
 * declaration, then "valid UTF-8?", else windows-1252 (what a Latin-1 label
 * means on the web). Never `Response.text()`, which always assumes UTF-8.
 */

const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset parameter of a Content-Type header, lower-case, if any. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="windows-1256"?>`), if any. */
export function charsetOfXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
}

function decoderFor(label: string | undefined): InstanceType<typeof TextDecoder> | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // an unknown label: fall through to the next clue
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode feed bytes to text (see the module comment for the order of clues). */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  for (const [bom, label] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return new TextDecoder(label).decode(bytes.subarray(bom.length));
  }
  const declared = decoderFor(charsetOfContentType(contentType)) ?? decoderFor(charsetOfXmlDeclaration(bytes));
  // A declared UTF-8 that is not valid UTF-8 is a lie (common on old servers): the bytes decide.
  if (declared && !(declared.encoding === 'utf-8' && !isValidUtf8(bytes))) return declared.decode(bytes);
  return isValidUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : new TextDecoder('windows-1252').decode(bytes);
}
