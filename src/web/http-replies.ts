import { DefaultRestOptions, type RESTOptions, type ResponseLike } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/** The first callback of an HTTP interaction, ready to be the body of the HTTP response. */
export interface CapturedReply {
  contentType: string;
  body: Buffer;
}

/** `/interactions/{id}/{token}/callback` of a REST URL: the interaction id. */
const CALLBACK_PATH = /\/interactions\/(\d{1,20})\/[^/?]+\/callback(?:\?|$)/;

/** The request body discord.js built, as bytes with their content type (JSON, or multipart when files are attached). */
async function captured(body: unknown): Promise<CapturedReply> {
  if (typeof body === 'string') return { contentType: 'application/json', body: Buffer.from(body, 'utf8') };
  const response = new Response(body as ConstructorParameters<typeof Response>[0]);
  return { contentType: response.headers.get('content-type') ?? 'application/json', body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * Turns the first callback of an interaction received over HTTP into the HTTP
 * response, so the command handlers, the router and discord.js's interaction
 * objects work exactly as over the gateway: `reply()`, `deferReply()`,
 * `update()`, `respond()` (autocomplete) all end up as a POST to
 * `/interactions/{id}/{token}/callback`, which {@link makeRequest} answers
 * locally (204, as Discord does) while the body goes back to Discord in the
 * HTTP response. Everything after the callback (edits, follow-ups) uses the
 * webhook routes over REST, as usual.
 */
export class HttpReplies {
  private readonly waiting = new Map<string, (reply: CapturedReply) => void>();

  /** Wait for the first callback of interaction `id`; `cancel()` stops waiting (the request is over). */
  expect(id: string): { reply: Promise<CapturedReply>; cancel(): void } {
    const reply = new Promise<CapturedReply>((resolve) => this.waiting.set(id, resolve));
    return { reply, cancel: () => this.waiting.delete(id) };
  }

  /** A discord.js `makeRequest` that captures awaited callbacks and passes every other request to `base`. */
  makeRequest(base: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
    return async (url, init) => {
      const id = init.method === 'POST' ? CALLBACK_PATH.exec(url)?.[1] : undefined;
      const resolve = id === undefined ? undefined : this.waiting.get(id);
      if (!resolve) return base(url, init);
      this.waiting.delete(id!);
      resolve(await captured(init.body));
      return new Response(null, { status: 204 }) as unknown as ResponseLike;
    };
  }
}
