import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { adoptAbandoned } from '../../src/scheduler/adoption';
import { createSqliteStore } from '../../src/store';
import { tempDir } from '../store/helpers';
import { CHANNEL_A, CHANNEL_B, schedule } from './helpers';

describe('adoptAbandoned: a live worker takes over a dead worker\'s pending posts', () => {
  it.each([
    ['nothing pending', [], 0, 1000],
    ['an Arabic, an English and a French post pending in one channel', ['بيان-1', 'speech-1', 'discours-1'], 3, 50],
  ])('%s', async (_case, articles, adopted, nextRunAt) => {
    const temp = tempDir('briefing-adoption-');
    const path = join(temp.dir, 'briefing.db');
    // Two stores on one file stand for two workers: the first began the posts and died.
    const dead = createSqliteStore(path, { exclusive: false, checkEveryMs: 0 });
    const store = createSqliteStore(path, { exclusive: false, checkEveryMs: 0 });
    try {
      const { id } = store.schedules.create(schedule({ channelId: CHANNEL_A, nextRunAt: 1000 }));
      store.schedules.create(schedule({ channelId: CHANNEL_B, nextRunAt: 1000 }));
      // SQLite adopts any other owner's rows (its instance lock means that owner is gone); Postgres only a dead owner's.
      for (const articleId of articles) dead.deliveries.begin(CHANNEL_A, articleId, id, `n-${articleId}`, 1);
      const woken: number[] = [];
      expect(await adoptAbandoned({ store, now: () => 50, onAdopted: (n) => woken.push(n) })).toBe(adopted);
      expect(store.schedules.get(id)!.nextRunAt).toBe(nextRunAt);
      expect(woken).toEqual(adopted ? [adopted] : []);
      if (adopted) expect(store.deliveries.get(CHANNEL_A, articles[0]!)).toMatchObject({ status: 'pending', owner: store.deliveries.owner, nonce: `n-${articles[0]}` });
    } finally {
      dead.close();
      store.close();
      temp.cleanup();
    }
  });
});
