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
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** Stop the server (immediate) and delete its folder. */
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
        run(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
