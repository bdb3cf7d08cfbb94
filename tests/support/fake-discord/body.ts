import type { IncomingMessage } from 'node:http';

/** A request body as the fake understands it. */
export interface ParsedBody {
  /** JSON value (multipart: the parsed `payload_json`), undefined when empty. */
  body: unknown;
  /** Uploaded file names (multipart only). */
  files?: string[];
  /** Set when the body could not be parsed. */
  error?: string;
}

/** Read the whole request body. */
export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parse a JSON or multipart/form-data (with `payload_json`) body. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined };
  const type = (contentType ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
      const files: string[] = [];
      let body: unknown;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value);
        else if (typeof value !== 'string') files.push(value.name);
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch (e) {
    return { body: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}
