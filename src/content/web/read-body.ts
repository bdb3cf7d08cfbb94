import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The body grew past the cap (counted after decompression, so a small gzip bomb is caught too). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

/**
 * Read a response body into one buffer, decompressing gzip/deflate/br, and
 * stop (destroying the stream) as soon as it passes `maxBytes`.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Uint8Array> {
  const decoded = decompress(body, contentEncoding);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    discard(body);
    if (decoded !== body) discard(decoded);
    throw error;
  }
  return Buffer.concat(chunks, size);
}

/** Stop reading a stream we no longer want; its own abort error is expected and ignored. */
export function discard(stream: Readable): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

function decompress(body: Readable, contentEncoding: string | undefined): Readable {
  const encoding = contentEncoding?.trim().toLowerCase();
  const stream = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'br' ? createBrotliDecompress() : encoding === 'deflate' ? createInflate() : undefined;
  if (!stream) return body;
  body.on('error', (error) => stream.destroy(error));
  return body.pipe(stream);
}
