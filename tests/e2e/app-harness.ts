import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { loadCommands } from '../../src/discord/load-commands';
import { captureLogger } from '../library/helpers';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../support/fake-discord';

/** The bot composed in this process (`createApp`, the real discord.js client) against a fake Discord, on a clock the test can move. */
export interface AppUnderTest {
  fake: FakeDiscord;
  app: App;
  /** Log lines, parsed. */
  lines: Array<Record<string, unknown>>;
  /** Move the bot's clock forward (it otherwise follows real time). */
  advance(ms: number): void;
  /** Stop the bot and the fake, remove the temporary folder. */
  stop(): Promise<void>;
}

/** Options of {@link startApp}. */
export interface StartAppOptions {
  /** Articles by file name (`.txt` or `.md`). */
  files: Record<string, string>;
  fake?: FakeDiscordOptions;
  /** Extra environment variables for the configuration. */
  env?: Record<string, string>;
}

/**
 * Start a fake Discord, deploy every command of `commands/` to its guild (one
 * bulk overwrite, as `npm run deploy` does), then compose and start the bot
 * in-process with a temporary content folder and database.
 */
export async function startApp(options: StartAppOptions): Promise<AppUnderTest> {
  const base = mkdtempSync(join(tmpdir(), 'briefing-app-e2e-'));
  const contentDir = join(base, 'content');
  mkdirSync(contentDir);
  for (const [name, text] of Object.entries(options.files)) writeFileSync(join(contentDir, name), text);
  const fake = await startFakeDiscord(options.fake);
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
    CONTENT_DIR: contentDir,
    DATABASE_PATH: join(base, 'briefing.db'),
    SCHEDULE_MIN_INTERVAL_SECONDS: '0',
    ...options.env,
  }, { token: true, clientId: true });
  await deployCommands(fake);
  const { logger, lines } = captureLogger('debug');
  let offset = 0;
  const app = await createApp({ config, logger, now: () => Date.now() + offset });
  await app.start();
  return {
    fake,
    app,
    lines,
    advance: (ms) => {
      offset += ms;
    },
    stop: async () => {
      await app.stop();
      await fake.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** PUT every command's registration JSON to the fake's guild. */
async function deployCommands(fake: FakeDiscord): Promise<void> {
  const body = [...(await loadCommands()).values()].map((command) => command.data);
  const response = await fetch(`${fake.apiUrl}/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, {
    method: 'PUT',
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`deploy to the fake failed: ${response.status}`);
}
