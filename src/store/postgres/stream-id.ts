/**
 * An article id as `search_articles.stream_id` stores it: UTF-16 big-endian
 * bytes, whose byte order (Postgres compares BYTEA byte by byte, a shorter
 * prefix first) is JavaScript's `<` on strings, by code units: the order of
 * ids at equal times in the in-memory stream (`byAge`).
 */
export function streamId(id: string): Buffer {
  return Buffer.from(id, 'utf16le').swap16();
}
