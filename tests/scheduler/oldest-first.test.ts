import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderLibrary, type Library } from '../../src/library';
import { tick, type TickReport } from '../../src/scheduler';
import type { Store } from '../../src/store';
import { captureLogger, tempDir } from '../library/helpers';
import { CHANNEL_A, FakePoster, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const FILES = 300;
const LANGUAGES = ['ar', 'en', 'fr'] as const;

let temp: ReturnType<typeof tempDir>;
let library: Library;
let store: Store;
let poster: FakePoster;

beforeEach(() => {
  temp = tempDir();
  library = createFolderLibrary({ contentDir: temp.dir, maxBytes: 100_000, logger: captureLogger('warn').logger, rescanSeconds: 0, watch: false, workers: 0 });
  store = memoryStore();
  poster = new FakePoster();
});
afterEach(async () => {
  await library.stop();
  store.close();
  temp.cleanup();
});

/** An article published `minutesAgo` before 2026-01-01, in one of three languages. */
function articleText(index: number, minutesAgo: number): string {
  const language = LANGUAGES[index % 3]!;
  const published = new Date(Date.UTC(2026, 0, 1) - minutesAgo * 60_000).toISOString();
  const body = {
    ar: `قال المتحدث إن الاجتماع رقم ${index} انتهى باتفاق.`,
    en: `The spokesman said meeting number ${index} ended with an agreement.`,
    fr: `Le porte-parole a dit que la réunion numéro ${index} s’est terminée par un accord.`,
  }[language];
  return ['---', `title: Report ${index}`, `published: ${published}`, `language: ${language}`, '---', body].join('\n');
}

describe('a run posts the oldest owed articles first, always', () => {
  it(`when ${FILES} files arrive while runs happen, every article goes out in publication order`, async () => {
    await library.start();
    const created = store.schedules.create(schedule({ channelId: CHANNEL_A, when: '* * * * *', pattern: '* * * * *', nextRunAt: 0 }));
    store.schedules.markPrimed(created.id);
    // File names run opposite to publication: the scan takes in the newest first.
    for (let i = 0; i < FILES; i++) writeFileSync(join(temp.dir, `report-${String(i).padStart(3, '0')}.md`), articleText(i, i + 1));
    let added = 0;
    let during: Promise<TickReport> | undefined;
    library.on('added', () => {
      // A run starts while the scan is still taking the files in.
      if (++added === 20) during = tick(new Date(Date.UTC(2026, 0, 2, 8)), { store, library: memoryReader(library), poster, render: renderForTest });
    });
    const scan = library.rescan();
    await scan;
    await during;
    for (let minute = 1; poster.calls.length < FILES && minute < 100; minute++) {
      await tick(new Date(Date.UTC(2026, 0, 2, 8, minute)), { store, library: memoryReader(library), poster, render: renderForTest });
    }
    const posted = poster.postedTo(CHANNEL_A);
    expect(posted).toHaveLength(FILES);
    const timestamps = posted.map((id) => library.get(id)!.timestamp);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(posted[0]).toBe(`report-${String(FILES - 1).padStart(3, '0')}`);
  });

  it('whenIdle() resolves at once when nothing is being taken in', async () => {
    await library.start();
    let resolved = false;
    await library.whenIdle().then(() => (resolved = true));
    expect(resolved).toBe(true);
  });
});
