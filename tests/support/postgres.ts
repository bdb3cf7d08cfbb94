/**
 * A throwaway Postgres cluster for tests: `initdb` + `pg_ctl` (as the
 * `postgres` user when the tests run as root, since Postgres refuses to run as
 * root) with `--auth=trust`, in a temp folder, on a free 127.0.0.1 port;
 * `stop()` stops it and deletes the folder. About 1.5 s.
 *
 * ```ts
 * const pg = await startPostgres();        // undefined: no Postgres binaries here
 * if (!pg) return;                          // (use describe.skipIf(!POSTGRES_BIN) at collection time)
 * const url = await pg.createDatabase('contract');
 * await pg.stop();
 * ```
 *
 * Binaries: `$PG_BINDIR`, else `pg_config --bindir`, else the newest `/usr/lib/postgresql/N/bin`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

function findBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on PATH.
  }
  try {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // No Debian-style install.
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** Folder of `initdb`/`pg_ctl`, or undefined when Postgres is not installed (tests skip). */
export const POSTGRES_BIN = findBinDir();

/** One line saying why Postgres tests are skipped. */
export const POSTGRES_SKIP_REASON = 'skipped: no Postgres server binaries (initdb, pg_ctl) found; install postgresql or set PG_BINDIR';

/** A running throwaway cluster. */
export interface TestPostgres {
  /** URL of the `postgres` database. */
  url: string;
  port: number;
  /** Create a fresh database and return its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stop the server (immediate shutdown, killed if it lingers) and delete its folder: within about 15 s. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Run a Postgres binary, as the `postgres` user when we are root. */
function run(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Whether process `pid` still runs (a zombie, exited but not yet reaped, does not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Wait until `pid` is gone, up to `ms`; whether it is. */
async function gone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await delay(100)) if (!running(pid)) return true;
  return !running(pid);
}

/**
 * Stop the cluster in `data` within about 15 s whatever the load: SIGQUIT to
 * its postmaster (Postgres's immediate shutdown: no checkpoint, children told
 * to quit), then SIGKILL if it is still there after 10 s (its backends exit on
 * their own once it is gone). Never blocks the event loop, unlike the
 * `pg_ctl stop -w` this replaces, which once took longer than a 60 s hook on a
 * loaded CI machine.
 */
async function stopPostmaster(data: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return; // Not running.
  }
  if (!(pid > 0) || !running(pid)) return;
  process.kill(pid, 'SIGQUIT');
  if (await gone(pid, 10_000)) return;
  process.kill(pid, 'SIGKILL');
  await gone(pid, 5_000);
}

/** Start a cluster, or undefined when Postgres is not installed. */
export async function startPostgres(): Promise<TestPostgres | undefined> {
  if (!POSTGRES_BIN) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const bin = (name: string): string => join(POSTGRES_BIN!, name);
  try {
    run(bin('initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(bin('pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/[^\w]/g, '_')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name.replace(/[^\w]/g, '_')}`;
    },
    async stop() {
      try {
        await stopPostmaster(data);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
