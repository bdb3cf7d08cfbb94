/**
 * Bot benchmark: the real bot (spawned like `npm start`, discord.js client
 * included, in its own process) against the local fake Discord (in this
 * process, so the fake's CPU never counts against the bot's). Measures the
 * `/brief` first answer (INTERACTION_CREATE written → callback received):
 * 200 interactions one at a time, then bursts of 200 dispatched all at once
 * (the goal's figure, pooled over a few bursts after a warm-up burst that
 * opens the HTTP connections), then 200 spread over one
 * second as real traffic would come. CPU time of the bot and of the fake per
 * burst says where the time goes.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
/** All-at-once bursts; their latencies are pooled for the goal's p50/p99. */
const BURSTS = 3;
/** The realistic burst: 200 interactions spread evenly over this long. */
const SPREAD_MS = 1000;
const GOAL_P99_MS = 100;

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

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
    const type = (article: string) => fake.dispatchCommand('brief', { article });
    const burstLatencies: number[] = [];
    const burstP99s: number[] = [];
    let failed = 0;
    let botCpu = 0;
    let fakeCpu = 0;
    let warmupP99 = Number.NaN;
    for (let b = -1; b < BURSTS; b++) {
      await new Promise((r) => setTimeout(r, 200));
      const bot0 = processCpuMs(child.pid);
      const fake0 = ownCpuMs();
      const handles = Array.from({ length: BURST }, (_, n) => type(ids[n % ids.length]!));
      const callbacks = await Promise.all(handles.map((h) => h.response(30_000)));
      if (b < 0) {
        // The first burst opens the HTTP connections and compiles the concurrent paths: reported, not pooled.
        warmupP99 = percentile(callbacks.map((cb) => cb.latencyMs), 99);
        continue;
      }
      botCpu += (processCpuMs(child.pid) ?? Number.NaN) - (bot0 ?? Number.NaN);
      fakeCpu += ownCpuMs() - fake0;
      const latencies = callbacks.map((cb) => cb.latencyMs);
      burstLatencies.push(...latencies);
      burstP99s.push(percentile(latencies, 99));
      failed += callbacks.filter((cb) => cb.status >= 300 || cb.type !== 4).length;
      ctx.progress('bot: bursts', b + 1, BURSTS);
    }
    await new Promise((r) => setTimeout(r, 200));
    const spreadHandles = [];
    const began = performance.now();
    for (let n = 0; n < BURST; n++) {
      const due = began + (n * SPREAD_MS) / BURST;
      while (performance.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      spreadHandles.push(type(ids[n % ids.length]!));
    }
    const spread = (await Promise.all(spreadHandles.map((h) => h.response(30_000)))).map((cb) => cb.latencyMs);
    const p50 = percentile(burstLatencies, 50);
    const p99 = percentile(burstLatencies, 99);
    const perInteraction = (ms: number) => (Number.isFinite(ms) ? `${round(ms / BURSTS)} ms a burst (${round((ms / BURSTS / BURST) * 1000)} µs an interaction)` : 'not measurable here');
    return [
      {
        group: GROUP, name: `/brief first answer p99, one at a time (${SEQUENTIAL})`, value: round(percentile(sequential, 99)), unit: 'ms',
        note: `p50 ${round(percentile(sequential, 50))} ms, max ${round(Math.max(...sequential))} ms`,
      },
      {
        group: GROUP, name: `/brief first answer p99, ${BURST} spread over ${SPREAD_MS / 1000} s`, value: round(percentile(spread, 99)), unit: 'ms',
        note: `realistic traffic (one every ${SPREAD_MS / BURST} ms); p50 ${round(percentile(spread, 50))} ms, max ${round(Math.max(...spread))} ms`,
      },
      { group: GROUP, name: `/brief first answer p50 (burst of ${BURST})`, value: round(p50), unit: 'ms', note: `median ${round(median(burstLatencies))} ms; ${BURSTS} bursts of ${BURST} dispatched all at once, pooled, after a warm-up burst (p99 ${round(warmupP99)} ms) that opens the connections` },
      {
        group: GROUP, name: `/brief first answer p99 (burst of ${BURST})`, value: round(p99), unit: 'ms', goal: `≤ ${GOAL_P99_MS} ms`,
        pass: p99 <= GOAL_P99_MS && failed === 0,
        note: `p99 of each burst ${burstP99s.map(round).join(', ')} ms; max ${round(Math.max(...burstLatencies))} ms; ${failed} refused or not a direct reply; CPU: bot ${perInteraction(botCpu)}, fake Discord ${perInteraction(fakeCpu)}; real discord.js client in its own process, fake Discord in the bench's`,
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
