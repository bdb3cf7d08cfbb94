import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

/** A discord.js client pointed at a fake, with `allowed_mentions: { parse: [] }` by default. */
export function newClient(f: FakeDiscord): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiUrl }, allowedMentions: { parse: [] } });
}

/** Log in and wait for `ready`. */
export async function login(c: Client, f: FakeDiscord): Promise<void> {
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(f.token);
  await ready;
}

/** What a test file gets from {@link useFakeWithClient}. */
export interface FakeWithClient {
  fake: FakeDiscord;
  client: Client;
  /** Replace the interaction handler for the current test (reset after each test). */
  onInteraction(handler: (i: Interaction) => Promise<void>): void;
}

/**
 * Start one fake and one logged-in client for a test file; each test sets its
 * own interaction handler, and fails if the handler or the fake threw.
 */
export function useFakeWithClient(): FakeWithClient {
  const errors: unknown[] = [];
  let handler: (i: Interaction) => Promise<void> = async () => undefined;
  const ctx = { onInteraction: (h: (i: Interaction) => Promise<void>) => { handler = h; } } as FakeWithClient;
  beforeAll(async () => {
    ctx.fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    ctx.client = newClient(ctx.fake);
    ctx.client.on(Events.InteractionCreate, (i) => { handler(i).catch((e: unknown) => errors.push(e)); });
    await login(ctx.client, ctx.fake);
  });
  afterAll(async () => {
    await ctx.client.destroy();
    await ctx.fake.close();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
    expect(ctx.fake.handlerErrors).toEqual([]);
    handler = async () => undefined;
  });
  return ctx;
}
