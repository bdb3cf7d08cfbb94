import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { isBareQuote, isWholeStatement } from '../../src/briefing/summary';
import { countWords } from '../../src/briefing/tokens';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8').replace(/^---[\s\S]*?---\n/, '');

const ARTICLES = [
  ['ar', 'ar-boilerplate.txt', ['[ad_', 'المصدر', 'وكالات', 'إعلان', 'ردود الفعل', 'ارتفاع أسعار القمح', 'بقلم', 'القاهرة -']],
  ['en', 'en-council.txt', ['Advertisement', 'Read more', 'Source', 'What happens next', 'By Jane Smith', 'LONDON (Reuters)', 'Published']],
  ['fr', 'fr-reforme.md', ['Publicité', 'Lire aussi', 'Source', 'Une mobilisation massive', 'Par Jean Dupont', 'PARIS (AFP)']],
] as const;

describe('summary', () => {
  it.each(ARTICLES)('never holds a heading, boilerplate, byline or dateline (%s)', (_lang, file, never) => {
    const summary = createBriefing(fixture(file), { sentences: 10 }).summary.join('\n');
    for (const text of never) expect(summary).not.toContain(text);
  });

  it.each(ARTICLES)('keeps sentences in article order (%s)', (_lang, file) => {
    const text = fixture(file);
    const summary = createBriefing(text, { sentences: 4 }).summary;
    const positions = summary.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [undefined, 3],
    [0, 1],
    [-4, 1],
    [2.7, 2],
  ])('returns %s sentences as asked (→ %s)', (sentences, count) => {
    expect(createBriefing(fixture('en-council.txt'), { sentences }).summary).toHaveLength(count);
  });

  it.each([
    ['ar', 'ar-boilerplate.txt', 40],
    ['en', 'en-council.txt', 50],
    ['fr', 'fr-reforme.md', 45],
  ] as const)('fits whole sentences in a word budget (%s)', (_lang, file, words) => {
    const summary = createBriefing(fixture(file), { words }).summary;
    expect(summary.length).toBeGreaterThan(0);
    expect(countWords(summary.join(' '))).toBeLessThanOrEqual(words);
  });

  it('gives at least one sentence when none fits the word budget', () => {
    expect(createBriefing(fixture('en-council.txt'), { words: 3 }).summary).toHaveLength(1);
  });

  it('includes the lead of a news article', () => {
    const summary = createBriefing(fixture('en-council.txt')).summary;
    expect(summary[0]).toMatch(/^The city council approved a new tram line/);
  });

  it('skips quote fragments split from their quotation', () => {
    const text = [
      'The minister arrived in the capital on Monday for two days of talks.',
      '“There are limits. Russia respects all of these limits. But the president said: “there are things we can discuss”.',
      'Officials from both countries signed three agreements on trade and energy.',
    ].join('\n');
    const summary = createBriefing(text, { sentences: 5 }).summary;
    expect(summary.some((s) => s.startsWith('“There are limits.'))).toBe(false);
  });

  it.each([
    ['ar', [
      'اجتمع وزراء خارجية خمس دول عربية في القاهرة يوم الأحد لبحث وقف إطلاق النار في غزة.',
      'وقال وزير الخارجية المصري في مؤتمر صحفي إن «الأولوية الآن هي وقف إطلاق النار».',
      'وأضاف: «لن نقبل بأي حلول تأتي على حساب المدنيين في القطاع المحاصر».',
      'ومن المقرر أن يعقد الوزراء اجتماعا آخر في عمان الشهر المقبل لمتابعة الملف.',
    ]],
    ['en', [
      'Shares of Nexora Semiconductor fell 6% on Thursday after the company warned of chip shortages.',
      '"Demand is running well ahead of what we can build," chief executive Priya Raman told analysts.',
      '"We are adding capacity as fast as the supply chain allows."',
      'The company expects to open a second factory in Arizona by the end of next year.',
    ]],
    ['fr', [
      'Météo-France a placé mardi quatre départements du sud-est en vigilance rouge canicule.',
      '« Nous faisons face à un épisode exceptionnel », a affirmé un prévisionniste de Météo-France.',
      '« Les nuits resteront très chaudes jusqu\'à dimanche au moins dans toute la région. »',
      'Les préfectures ont interdit les rassemblements en plein air jusqu\'à la fin de la semaine.',
    ]],
  ] as const)('leaves out a bare quotation whose speaker is in another sentence when others fill the summary (%s)', (_lang, sentences) => {
    const summary = createBriefing(`Title line for the test\n\n${sentences.join('\n')}`, { sentences: 3 }).summary;
    expect(summary).toEqual([sentences[0], sentences[1], sentences[3]]);
  });

  it.each([
    ['ar', ['«الوضع صعب جدا في المدينة ونحن نحتاج إلى مساعدة عاجلة من الجميع».', '«لم نر شيئا كهذا من قبل في حياتنا الطويلة هنا».']],
    ['en', ['"The situation in the city is very hard and we need urgent help."', '"We have never seen anything like this in our long lives here."']],
    ['fr', ['« La situation est très dure et nous avons besoin d\'aide urgente. »', '« Nous n\'avons jamais rien vu de tel de toute notre longue vie ici. »']],
  ] as const)('still summarises an article made only of quotations (%s)', (_lang, sentences) => {
    expect(createBriefing(`Title line for the test\n\n${sentences.join('\n')}`, { sentences: 3 }).summary).toEqual(sentences);
  });

  it.each([
    ['guillemets after a verb', 'وأضاف: «لن نقبل بأي حلول تأتي على حساب المدنيين».', true],
    ['a whole English quotation', '"We are adding capacity as fast as the supply chain allows."', true],
    ['French nested quotation', '« Il m\'a dit : “ça suffit” et il est parti. »', true],
    ['a continuation with a participle', 'وتابع قائلا: «لم يكن الأمر سهلا».', true],
    ['an Arabic quotation after its named speaker', 'وكتب ترامب: "إياك وتهديد الولايات المتحدة مرة أخرى".', false],
    ['a French continuation', '« Nous irons jusqu\'au bout », a-t-il ajouté.', true],
    ['an attributed quotation', '"Demand is running well ahead," chief executive Priya Raman told analysts on a call.', false],
    ['a scare quote', 'Le ministre a jugé la grève « disproportionnée » au regard des efforts demandés.', false],
    ['no marks', 'The council voted 7-2 to approve the budget.', false],
    ['an unbalanced mark', '“We will not stop here, and the work goes on', false],
  ] as const)('tells a bare quotation: %s', (_name, sentence, bare) => {
    expect(isBareQuote(sentence)).toBe(bare);
  });

  it('skips a boilerplate sentence inside a paragraph', () => {
    const text = 'The storm hit the coast on Monday and cut power to thousands of homes. Watch the video of the storm as it reached the shore. Crews worked through the night to restore power.';
    expect(createBriefing(text, { sentences: 5 }).summary.join(' ')).not.toContain('Watch the video');
  });

  it('returns an empty summary for text with no sentences', () => {
    expect(createBriefing('').summary).toEqual([]);
  });

  it.each([
    ['balanced guillemets', 'قال: «لن نتراجع».', true],
    ['balanced curly quotes', 'He said “yes” twice.', true],
    ['an opening mark only', '“There are limits.', false],
    ['an odd number of ASCII quotes', 'He said "yes.', false],
    ['German quotes', 'Er sagte „ja“.', true],
  ])('isWholeStatement: %s → %s', (_name, sentence, whole) => {
    expect(isWholeStatement(sentence)).toBe(whole);
  });
});
