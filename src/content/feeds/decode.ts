import { decodeText } from '../web/charset';

/**
 * Bytes → text for feeds, through the one charset module (BOM, HTTP header,
 * XML declaration, `<meta charset>`, valid UTF-8, else windows-1252).
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  return decodeText(bytes, contentType).text;
}
