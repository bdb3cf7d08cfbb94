/**
 * Bot benchmark: the real bot (spawned like `npm start`, discord.js client
 * included) against the local fake Discord. Measures the `/brief` first
 * answer (INTERACTION_CREATE written → callback received): 200 interactions one
 * at a time, then a burst of 200 in flight at once (the goal's figure).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../tests/support/fake-discord';
import { FIXTURES } from '../tests/e2e/bot-harness';
import { median, percentile } from './stats';
import type { BenchContext, BenchRow } from './types';

const GROUP = 'bot';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Interactions in the burst. */
export const BURST = 200;
/** Interactions sent one at a time (after the first answer), before the burst. */
const SEQUENTIAL = 200;
const GOAL_P99_MS = 100;

/** Run the bot benchmark. */
export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const contentDir = join(ctx.tmpDir, 'bot-content');
  mkdirSync(contentDir, { recursive: true });
  copyFileSync(join(ROOT, 'content', 'lavrov-north-korea.txt'), join(contentDir, 'lavrov-north-korea.txt'));
  for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(contentDir, name), text);
  const ids = ['lavrov-north-korea', 'en-bridge', 'fr-pont', 'mentions', 'huge'];

  const fake = await startFakeDiscord();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CONTENT_DIR: contentDir,
      DATABASE_PATH: join(ctx.tmpDir, 'bot-data', 'briefing.db'), LOG_LEVEL: 'warn', LIBRARY_RESCAN_SECONDS: '3600',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-2000); });
  try {
    await fake.waitForIdentify(1, 60_000);
    // READY is answered before the library and commands are necessarily in place: wait until /brief answers.
    for (let tries = 0; ; tries++) {
      const cb = await fake.dispatchCommand('brief', { article: ids[0]! }).response(10_000).catch(() => undefined);
      if (cb?.data?.embeds) break;
      if (tries > 50) throw new Error(`the bot never answered /brief; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const sequential: number[] = [];
    for (let n = 0; n < SEQUENTIAL; n++) {
      sequential.push((await fake.dispatchCommand('brief', { article: ids[n % ids.length]! }).response(10_000)).latencyMs);
      ctx.progress('bot: one at a time', n + 1, SEQUENTIAL);
    }
    const handles = Array.from({ length: BURST }, (_, n) => fake.dispatchCommand('brief', { article: ids[n % ids.length]! }));
    const callbacks = await Promise.all(handles.map((h) => h.response(30_000)));
    const latencies = callbacks.map((cb) => cb.latencyMs);
    const failed = callbacks.filter((cb) => cb.status >= 300 || cb.type !== 4).length;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        group: GROUP, name: `/brief first answer p99, one at a time (${SEQUENTIAL})`, value: round(percentile(sequential, 99)), unit: 'ms',
        note: `p50 ${round(percentile(sequential, 50))} ms, max ${round(Math.max(...sequential))} ms`,
      },
      { group: GROUP, name: `/brief first answer p50 (burst of ${BURST})`, value: round(p50), unit: 'ms', note: `median ${round(median(latencies))} ms` },
      {
        group: GROUP, name: `/brief first answer p99 (burst of ${BURST})`, value: round(p99), unit: 'ms', goal: `≤ ${GOAL_P99_MS} ms`,
        pass: p99 <= GOAL_P99_MS && failed === 0,
        note: `max ${round(Math.max(...latencies))} ms; ${failed} refused or not a direct reply; real discord.js client in a child process, fake Discord on 127.0.0.1`,
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    await fake.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
