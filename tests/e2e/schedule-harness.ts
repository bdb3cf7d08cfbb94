import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotProcess } from './bot-harness';

/** A dated article in Arabic, English or French, as a Markdown file with front matter. */
export function articleFile(language: 'ar' | 'en' | 'fr', day: number, title: string): string {
  const body = {
    ar: [`أعلنت الوزارة يوم ${day} عن خطة جديدة للنقل العام في المدينة.`, '«هذه الخطة ستغير حياة السكان»، قال الوزير أحمد سالم.', 'وأضاف أن التنفيذ سيبدأ الشهر المقبل.'],
    en: [`The council approved a new transport plan on day ${day}.`, '"This plan will change how people move," said councillor Mary Jones.', 'Work is due to start next month.'],
    fr: [`Le conseil a adopté le ${day} un nouveau plan de transport.`, '« Ce plan va changer la vie des habitants », a déclaré la maire Claire Martin.', 'Les travaux commenceront le mois prochain.'],
  }[language];
  const date = `2024-02-${String(day).padStart(2, '0')}`;
  return ['---', `title: ${title}`, `published: ${date}`, `language: ${language}`, '---', ...body].join('\n');
}

/** A temp CONTENT_DIR with three dated articles (ar, en, fr; the French one newest) and a database path. */
export function scheduleContent(): { dir: string; dbPath: string; drop(name: string, language: 'ar' | 'en' | 'fr', day: number): string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), 'briefing-schedule-e2e-'));
  const dir = join(base, 'content');
  mkdirSync(dir);
  const drop = (name: string, language: 'ar' | 'en' | 'fr', day: number): string => {
    const title = `${name} headline ${day}`;
    writeFileSync(join(dir, `${name}.md`), articleFile(language, day, title));
    return title;
  };
  drop('ar-plan', 'ar', 1);
  drop('en-plan', 'en', 2);
  drop('fr-plan', 'fr', 3);
  return { dir, dbPath: join(base, 'db', 'nested', 'briefing.db'), drop, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Log lines of the scheduler about one schedule's runs (ok, failed or paused). */
export function runLines(bot: BotProcess, scheduleId: number): Array<Record<string, unknown>> {
  return bot.logs().filter((l) => l.scheduleId === scheduleId && typeof l.msg === 'string' && /^(scheduled run|schedule paused)/.test(l.msg));
}

/** Resolve once the schedule has run `n` more times than it had when called. */
export async function moreRuns(bot: BotProcess, scheduleId: number, n: number, timeoutMs = 15_000): Promise<void> {
  const target = runLines(bot, scheduleId).length + n;
  await bot.waitForLog(() => runLines(bot, scheduleId).length >= target, timeoutMs);
}
