/**
 * Resident memory of a `ROLE=web` replica (not part of `npm run bench`):
 * `npx tsx bench/replica-rss.ts [articles]` converts that many ANT articles
 * (default 10,000, the library bench's) into a content folder, then starts
 * the replica twice through `src/main.ts` against the fake Discord: with
 * `DATABASE_URL` (a throwaway cluster; it reads articles from Postgres and
 * loads no folder) and without it (it loads and briefs the folder). Prints
 * the time to `bot ready`, and the process's RSS and CPU time 15 s later.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botEnv, spawnBot } from '../tests/e2e/bot-harness';
import { startFakeDiscord, type FakeDiscord } from '../tests/support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres } from '../tests/support/postgres';
import { convertAnt } from './ant';
import { missingShared, sharedPath } from './shared-data';

const SETTLE_MS = 15_000;

/** RSS (MB) and CPU time (user + system, s, every thread) of a live process, from /proc. */
function usageOf(pid: number): { rssMb: number; cpuS: number } {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rssMb: Math.round(rssKb / 1024), cpuS: (Number(fields[11]) + Number(fields[12])) / 100 };
}

async function measure(fake: FakeDiscord, base: string, contentDir: string, name: string, extra: Record<string, string>): Promise<void> {
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const env = botEnv(fake, { dir: contentDir, dbPath: join(base, name, 'briefing.db') }, { ROLE: 'web', PORT: '0', HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: publicKey, DISCORD_CLIENT_ID: fake.applicationId, ...extra });
  const began = Date.now();
  const bot = spawnBot(env);
  try {
    await bot.waitForLog((line) => line.msg === 'bot ready', 900_000);
    const readyS = (Date.now() - began) / 1000;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    console.log(`${name}: ready in ${readyS.toFixed(1)} s wall; ${SETTLE_MS / 1000} s later`, usageOf(bot.child.pid!));
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const missing = missingShared('ant', 'ANT corpus');
  if (missing || !POSTGRES_BIN) throw new Error(missing ?? `replica RSS ${POSTGRES_SKIP_REASON}`);
  const base = mkdtempSync(join(tmpdir(), 'briefing-replica-rss-'));
  const contentDir = join(base, 'content');
  const cluster = await startPostgres();
  const fake = await startFakeDiscord();
  try {
    if (!existsSync(contentDir)) await convertAnt(sharedPath('ant'), contentDir, count, () => undefined);
    await measure(fake, base, contentDir, 'web replica reading Postgres (no folder library)', { DATABASE_URL: await cluster!.createDatabase('replica_rss') });
    await measure(fake, base, contentDir, `web replica loading the ${count.toLocaleString('en')}-article folder (no DATABASE_URL)`, {});
  } finally {
    await fake.close();
    await cluster?.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
