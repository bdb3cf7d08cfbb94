import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewSchedule } from '../../src/store';

/** A fresh temp folder and a cleanup function. */
export function tempDir(prefix = 'briefing-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A schedule to create, with overrides. */
export function newSchedule(overrides: Partial<NewSchedule> = {}): NewSchedule {
  return {
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    when: '08:30',
    pattern: '30 8 * * *',
    timezone: 'UTC',
    createdBy: '300000000000000001',
    createdAt: Date.UTC(2026, 0, 1),
    nextRunAt: Date.UTC(2026, 0, 1, 8, 30),
    ...overrides,
  };
}
