/**
 * ROLE=scheduler and ROLE=ingest as real processes on loopback, one real
 * Postgres, the fake Discord behind one tap (proxy) per worker: exactly once
 * across workers and crashes, one run per channel at a time, one active ingest.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, createPool } from '../../src/store/postgres';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { POSTGRES_BIN, POSTGRES_SKIP_REASON, startPostgres, type TestPostgres } from '../support/postgres';
import { botEnv, spawnBot, type BotProcess } from './bot-harness';
import { scheduleContent } from './schedule-harness';
import { InFlight, insertSchedules, startTap, writeArticles, type DiscordTap, type TappedPost, type TapOptions } from './worker-harness';

type Json = Record<string, unknown>;

if (!POSTGRES_BIN) console.log(`Worker process tests ${POSTGRES_SKIP_REASON}`);

let cluster: TestPostgres | undefined;
let databases = 0;
let content: ReturnType<typeof scheduleContent>;
const bots: BotProcess[] = [];
const taps: DiscordTap[] = [];
const fakes: FakeDiscord[] = [];

/** The three articles of the content folder, as their embeds' titles (Arabic, English, French). */
const TITLES = ['ar-plan headline 1', 'en-plan headline 2', 'fr-plan headline 3'];
const titles = (fake: FakeDiscord, channelId: string): string[] => fake.messages(channelId).map((m) => String(((m.embeds as Json[] | undefined)?.[0] ?? {}).title));

/** A ROLE=scheduler worker talking to Discord through its own tap. */
async function startWorker(fake: FakeDiscord, url: string, name: string, tap: Omit<TapOptions, 'apiUrl' | 'worker'>, extra: Record<string, string> = {}): Promise<BotProcess> {
  const proxy = await startTap({ apiUrl: fake.apiUrl, worker: name, ...tap });
  taps.push(proxy);
  const env = botEnv(fake, { dir: content.dir, dbPath: join(content.dir, '..', name, 'briefing.db') }, {
    ROLE: 'scheduler', DATABASE_URL: url, DISCORD_API_URL: proxy.apiUrl, WORKER_LEASE_SECONDS: '3', LOG_LEVEL: 'debug', SCHEDULE_MIN_INTERVAL_SECONDS: '0', ...extra,
  });
  const bot = spawnBot(env);
  bots.push(bot);
  await bot.waitForLog((l) => l.msg === 'bot ready', 60_000);
  return bot;
}

async function freshDatabase(name: string): Promise<{ url: string; pool: ReturnType<typeof createPool> }> {
  const url = await cluster!.createDatabase(`${name}_${++databases}`);
  const pool = createPool(url);
  await migratePostgres(pool);
  // The articles the workers post, written as the active ingest writes them (workers read them from Postgres).
  await writeArticles(pool, content.dir);
  return { url, pool };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const killAll = async (): Promise<void> => {
  for (const bot of bots.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await Promise.all(taps.splice(0).map((tap) => tap.close()));
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
};

describe.skipIf(!POSTGRES_BIN)('scheduler and ingest workers on one Postgres', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
    content = scheduleContent();
  }, 60_000);

  afterEach(killAll, 30_000);

  afterAll(async () => {
    await killAll();
    await cluster?.stop();
    content?.cleanup();
  });

  /**
   * Two workers; four channels owed the three articles each. The first post
   * either worker makes is made in Discord but its answer never comes back:
   * that worker is killed with SIGKILL then, between posting and recording.
   * The survivor takes over its pending posts once its lease (3 s) runs out
   * and re-sends them with their nonces. Returns each channel's titles.
   */
  async function crashMidSend(nonceWindowMs: number): Promise<{ channels: string[]; heldChannel: string; perChannel: Map<string, string[]>; survivor: BotProcess }> {
    const fake = await startFakeDiscord({ nonceWindowMs });
    fakes.push(fake);
    const { url, pool } = await freshDatabase('crash');
    try {
      const channels = [fake.channels.text, fake.channels.announcement];
      for (let i = 0; i < 2; i++) channels.push(fake.addChannel({ id: `77000000000000000${i}`, name: `worker-${i}` }).id);
      const inFlight = new InFlight();
      const workers = new Map<string, BotProcess>();
      let holding = false;
      let held!: (post: TappedPost) => void;
      const heldPost = new Promise<TappedPost>((resolve) => (held = resolve));
      // Only the first post is held: made in Discord, its answer kept from its worker, which is killed there and then.
      const tap = { inFlight, hold: (): boolean => !holding && (holding = true), onHeld: (post: TappedPost) => {
        workers.get(post.worker)!.child.kill('SIGKILL');
        held(post);
      } };
      for (const [name, bot] of await Promise.all(['a', 'b'].map(async (name) => [name, await startWorker(fake, url, name, tap)] as const))) workers.set(name, bot);
      // Due now, every 2 s, already primed: each channel is owed all three articles.
      await insertSchedules(pool, channels.map((channelId) => ({ guildId: fake.guildId, channelId, pattern: '*/2 * * * * *', nextRunAt: Date.now(), primed: true })));
      await pool.query('NOTIFY briefing_schedules');
      const { channelId: heldChannel, worker } = await heldPost;
      await workers.get(worker)!.exited;
      const survivor = workers.get(worker === 'a' ? 'b' : 'a')!;
      await until(async () => Number((await pool.query(`SELECT count(*) AS n FROM deliveries WHERE status = 'sent'`)).rows[0].n) === 12, 60_000, 'every delivery recorded as sent');
      const perChannel = new Map(channels.map((channelId) => [channelId, titles(fake, channelId)]));
      return { channels, heldChannel, perChannel, survivor };
    } finally {
      await pool.end();
    }
  }

  it('crash mid-send: a worker killed between posting and recording; the other adopts its post when its lease ends and every (channel, article) is posted exactly once', async () => {
    const { channels, heldChannel, perChannel, survivor } = await crashMidSend(5 * 60_000);
    for (const channelId of channels) expect([...perChannel.get(channelId)!].sort(), channelId).toEqual(TITLES);
    expect(channels).toContain(heldChannel);
    await survivor.waitForLog((l) => typeof l.msg === 'string' && /^took over \d+ post\(s\) left pending by a worker whose lease ran out/.test(l.msg), 30_000);
  }, 180_000);

  it('control: with Discord\'s nonce window at zero the re-sent post shows up twice (the nonce is what keeps it once)', async () => {
    const { channels, heldChannel, perChannel } = await crashMidSend(0);
    // Other posts in flight when the worker was killed may double too; the held one always does.
    const doubled = channels.filter((channelId) => perChannel.get(channelId)!.length !== new Set(perChannel.get(channelId)).size);
    expect(doubled).toContain(heldChannel);
    for (const channelId of channels) expect([...new Set(perChannel.get(channelId))].sort()).toEqual(TITLES);
  }, 180_000);

  it('claim exclusivity: 4 workers, 1,000 due schedules over 200 channels: each run happens once, never two posts in flight to one channel, nothing left unrun', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const { url, pool } = await freshDatabase('claims');
    try {
      const channels = Array.from({ length: 200 }, (_, i) => fake.addChannel({ id: String(780000000000000000n + BigInt(i)), name: `c${i}` }).id);
      const inFlight = new InFlight();
      const workers = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((name) => startWorker(fake, url, name, { inFlight, delayMs: 100 })));
      // Five schedules per channel, all due now, primed (each would post all three articles), then not again for a year.
      const rows = Array.from({ length: 1000 }, (_, i) => ({ guildId: fake.guildId, channelId: channels[i % 200]!, pattern: '0 0 1 1 *', nextRunAt: Date.now(), primed: true }));
      const ids = await insertSchedules(pool, rows);
      await pool.query('NOTIFY briefing_schedules');
      await until(async () => Number((await pool.query('SELECT count(*) AS n FROM schedules WHERE last_run_at IS NOT NULL')).rows[0].n) === 1000, 150_000, 'every schedule to have run');
      await until(async () => Number((await pool.query(`SELECT count(*) AS n FROM deliveries WHERE status = 'sent'`)).rows[0].n) === 600, 30_000, '600 deliveries sent');
      // Each due run happened once, across all four workers (a run given back because its channel was busy is not a run).
      const runsLogged = (): Map<number, number> => {
        const runs = new Map<number, number>();
        for (const worker of workers) {
          for (const line of worker.logs()) {
            if (typeof line.scheduleId !== 'number' || typeof line.msg !== 'string' || !line.msg.startsWith('scheduled run') || line.msg.includes('still in flight')) continue;
            runs.set(line.scheduleId, (runs.get(line.scheduleId) ?? 0) + 1);
          }
        }
        return runs;
      };
      // A run's log line is written after it is recorded and reaches us through a pipe: wait for the last ones.
      await until(async () => runsLogged().size >= ids.length, 30_000, 'every run to be logged');
      const runs = runsLogged();
      expect([...runs.keys()].sort((x, y) => x - y)).toEqual(ids);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      // The runs were shared out (SKIP LOCKED, and runs given back while their channel was busy).
      expect(workers.filter((w) => w.logs().some((l) => typeof l.scheduleId === 'number' && typeof l.msg === 'string' && l.msg.startsWith('scheduled run'))).length).toBeGreaterThan(1);
      expect(inFlight.max).toBe(1);
      for (const channelId of channels) expect([...titles(fake, channelId)].sort(), channelId).toEqual(TITLES);
    } finally {
      await pool.end();
    }
  }, 240_000);

  it('a worker killed after claiming a run, before posting it: another worker redoes the run once its lease ends, exactly once (not at the next cron time, a year later)', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const { url, pool } = await freshDatabase('claimed');
    const blocker = await pool.connect();
    try {
      const channelId = fake.channels.text;
      const inFlight = new InFlight();
      const workers = new Map<string, BotProcess>();
      for (const name of ['a', 'b']) workers.set(name, await startWorker(fake, url, name, { inFlight }, { PGAPPNAME: `worker-${name}` }));
      // Writes to deliveries wait: whichever worker claims the run stops between its claim and its first post.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE deliveries IN EXCLUSIVE MODE');
      const [id] = await insertSchedules(pool, [{ guildId: fake.guildId, channelId, pattern: '0 0 1 1 *', nextRunAt: Date.now(), primed: true }]);
      await pool.query('NOTIFY briefing_schedules');
      let claimer = '';
      await until(async () => {
        const waiting = await pool.query<{ app: string }>(`SELECT application_name AS app FROM pg_stat_activity
          WHERE application_name LIKE 'worker-%' AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO deliveries%'`);
        claimer = waiting.rows[0]?.app.replace('worker-', '') ?? '';
        return claimer !== '';
      }, 60_000, 'a worker to claim the run and stop before posting');
      const killed = workers.get(claimer)!;
      killed.child.kill('SIGKILL');
      await killed.exited;
      // Its connections die with it (as a machine's would), so nothing it began is written.
      await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`worker-${claimer}`]);
      await blocker.query('ROLLBACK');
      const lease = await pool.query<{ next: number; until: number | null }>('SELECT next_run_at AS next, lease_until AS until FROM schedules WHERE id = $1', [id]);
      // The next run (a year away) was written at the claim; only the lease brings the run back.
      expect(lease.rows[0]!.next).toBeGreaterThan(Date.now() + 86_400_000);
      expect(lease.rows[0]!.until).not.toBeNull();
      await until(async () => Number((await pool.query(`SELECT count(*) AS n FROM deliveries WHERE status = 'sent'`)).rows[0].n) === 3, 60_000, 'the run redone by the other worker');
      const survivor = workers.get(claimer === 'a' ? 'b' : 'a')!;
      // The run's log line is written after its posts are recorded and reaches us through a pipe: wait for it, then count.
      const isRun = (l: { scheduleId?: unknown; msg?: unknown }): boolean => l.scheduleId === id && typeof l.msg === 'string' && l.msg.startsWith('scheduled run');
      await survivor.waitForLog(isRun, 60_000);
      expect(survivor.logs().filter(isRun)).toHaveLength(1);
      expect([...titles(fake, channelId)].sort()).toEqual(TITLES);
      expect(inFlight.max).toBe(1);
      expect((await pool.query('SELECT lease_until AS until FROM schedules WHERE id = $1', [id])).rows[0].until).toBeNull();
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      blocker.release();
      await pool.end();
    }
  }, 180_000);

  it('ingest: two processes, one takes the lock and the other waits; killed, the standby takes over', async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const { url, pool } = await freshDatabase('ingest');
    await pool.end();
    const ingest = (name: string): BotProcess => {
      const bot = spawnBot(botEnv(fake, { dir: content.dir, dbPath: join(content.dir, '..', name, 'briefing.db') }, { ROLE: 'ingest', DATABASE_URL: url, DISCORD_TOKEN: '' }));
      bots.push(bot);
      return bot;
    };
    const first = ingest('ingest-1');
    await first.waitForLog((l) => l.msg === 'ingest lock taken: this process is the active ingest', 60_000);
    await first.waitForLog((l) => l.msg === 'bot ready', 60_000);
    const second = ingest('ingest-2');
    await second.waitForLog((l) => l.msg === 'ingest standby: another process holds the ingest lock; waiting to take over', 60_000);
    expect(second.logs().some((l) => l.msg === 'bot ready')).toBe(false);
    first.child.kill('SIGKILL');
    await first.exited;
    const took = await second.waitForLog((l) => l.msg === 'ingest lock taken over: this process is now the active ingest', 30_000);
    expect(took).toMatchObject({ tookOver: true });
    expect(await second.waitForLog((l) => l.msg === 'bot ready', 60_000)).toMatchObject({ role: 'ingest', articles: 3 });
  }, 180_000);
});
