import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store';
import { runScript } from '../e2e/bot-harness';
import { POSTGRES_BIN, startPostgres, type TestPostgres } from '../support/postgres';
import { tempDir } from './helpers';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const ALL = MIGRATIONS.map((m) => m.version).join(', ');
let cluster: TestPostgres | undefined;
const temp = tempDir('briefing-migrate-');

beforeAll(async () => {
  if (POSTGRES_BIN) cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
  temp.cleanup();
});

describe('npm run migrate', () => {
  it('migrates SQLite at DATABASE_PATH (folder created), then says it is up to date', async () => {
    const env = { DATABASE_PATH: join(temp.dir, 'nested', 'briefing.db') };
    const first = await runScript('src/migrate.ts', env);
    expect([first.code, first.stdout.trim()]).toEqual([0, `Migrated SQLite at ${env.DATABASE_PATH}: applied ${ALL}; now at version ${LATEST}.`]);
    const again = await runScript('src/migrate.ts', env);
    expect(again.stdout.trim()).toBe(`SQLite at ${env.DATABASE_PATH} is up to date (version ${LATEST}).`);
  });

  it.skipIf(!POSTGRES_BIN)('migrates Postgres at DATABASE_URL, then says it is up to date', async () => {
    const url = await cluster!.createDatabase('migrate_command');
    const where = `Postgres at 127.0.0.1:${cluster!.port}/migrate_command`;
    const first = await runScript('src/migrate.ts', { DATABASE_URL: url });
    expect([first.code, first.stdout.trim()]).toEqual([0, `Migrated ${where}: applied ${ALL}; now at version ${LATEST}.`]);
    expect((await runScript('src/migrate.ts', { DATABASE_URL: url })).stdout.trim()).toBe(`${where} is up to date (version ${LATEST}).`);
  });

  it.each([
    ['a part of its folder path is a file', (dir: string) => join(writeAndReturn(join(dir, 'plain-file'), 'x'), 'briefing.db'), 'unable to open (a part of its folder path is a file)'],
    ['not a database', (dir: string) => writeAndReturn(join(dir, 'junk.db'), 'not sqlite at all, just text'.repeat(10)), 'is not a Briefing database or is corrupt (file is not a database)'],
  ])('fails on SQLite with the bot\'s one-line reason and exit code 1: %s', async (_case, pathIn, reason) => {
    const path = pathIn(temp.dir);
    const result = await runScript('src/migrate.ts', { DATABASE_PATH: path });
    expect([result.code, result.stderr.trim()]).toEqual([1, `Migrate failed (SQLite at ${path}): ${reason}`]);
  });

  it('fails with one line, exit code 1 and no password when Postgres cannot be reached', async () => {
    const result = await runScript('src/migrate.ts', { DATABASE_URL: 'postgres://briefing:s3cret-pass@127.0.0.1:1/briefing' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Migrate failed \(Postgres at 127\.0\.0\.1:1\/briefing\): /);
    expect(result.stderr + result.stdout).not.toContain('s3cret-pass');
  });
});

function writeAndReturn(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}
