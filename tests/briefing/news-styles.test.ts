import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';

/** A fixture's body and its front-matter title (the content reader passes it as `title`). */
function fixture(name: string): { text: string; title?: string } {
  const raw = readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!front) return { text: raw };
  const title = /^title:\s*"?(.*?)"?$/m.exec(front[1]!)?.[1];
  return { text: raw.slice(front[0].length), ...(title ? { title } : {}) };
}

/** Wire and newspaper articles: [file, headline, byline part, dateline, the lead's start, text never in the summary or sections]. */
const ARTICLES = [
  ['en-reuters-fed.txt', 'Fed holds rates steady, signals two cuts later this year', 'Howard Schneider', 'WASHINGTON (Reuters) -', 'The Federal Reserve held interest rates steady', ['Updated', 'REUTERS/', 'RELATED', 'Stocks rally', 'Sign up', 'Reporting by', 'By Howard']],
  ['en-ap-wildfire.txt', 'Wildfire forces thousands to flee in California', undefined, 'LOS ANGELES (AP) —', 'A fast-moving wildfire tore through dry brush', ['Advertisement', 'AP Photo', 'Drone footage', '@dsmithnews', 'Copyright']],
  ['fr-lemonde-retraites.md', 'Réforme des retraites : le gouvernement recourt au 49.3', 'Jean Dupont', 'PARIS (AFP) —', 'La Première ministre, Élisabeth Borne, a engagé jeudi', ['Publié', 'Lire aussi', 'ce que contient', 'Publicité', 'Ludovic Marin', 'arme constitutionnelle', 'Avec AFP']],
] as const;

describe('wire and newspaper styles (AP, Reuters, AFP, Le Monde)', () => {
  it.each(ARTICLES)('%s: headline is the title line alone', (file, headline) => {
    const { text, title } = fixture(file);
    expect(createBriefing(text, title ? { title } : {}).headline).toBe(headline);
  });

  it.each(ARTICLES)('%s: byline and dateline are metadata', (file, _headline, byline, dateline) => {
    const { text, title } = fixture(file);
    const briefing = createBriefing(text, title ? { title } : {});
    if (byline) expect(briefing.byline).toContain(byline);
    expect(briefing.dateline).toBe(dateline);
  });

  it.each(ARTICLES)('%s: the summary opens with the lead, without its dateline', (file, _headline, _byline, _dateline, lead) => {
    const { text, title } = fixture(file);
    const summary = createBriefing(text, title ? { title } : {}).summary;
    expect(summary[0]).toMatch(new RegExp(`^${lead}`));
  });

  it.each(ARTICLES)('%s: no timestamp, caption, credit, link or promotion in summary or sections', (file, _headline, _byline, _dateline, _lead, never) => {
    const { text, title } = fixture(file);
    const briefing = createBriefing(text, { sentences: 20, ...(title ? { title } : {}) });
    const shown = [...briefing.summary, ...briefing.sections.map((s) => s.heading)].join('\n');
    for (const bit of never) expect(shown).not.toContain(bit);
  });

  it('keeps a genuine section heading', () => {
    const { text, title } = fixture('fr-lemonde-retraites.md');
    expect(createBriefing(text, { title: title! }).sections.map((s) => s.heading)).toEqual(['Une mobilisation massive']);
  });
});

describe('datelines and scraped page tails', () => {
  it.each([
    ['a dash before the agency', 'دبي، الإمارات العربية المتحدة - (CNN) يستمر تراجع الدولار الكندي إلى أدنى مستوى له.', 'يستمر تراجع الدولار الكندي إلى أدنى مستوى له.'],
    ['no space before the agency', 'دبي، الإمارات العربية المتحدة(CNN)-قالت شركة سيريكا إنها دخلت في مناقشات مستمرة.', 'قالت شركة سيريكا إنها دخلت في مناقشات مستمرة.'],
    ['a stray second dash', 'دبي، الإمارات العربية المتحدة (CNN)- - أعلنت شركة كريم بدء تقديم خدماتها في السودان.', 'أعلنت شركة كريم بدء تقديم خدماتها في السودان.'],
    ['a period and two dashes', 'دبي، الإمارات العربية المتحدة (CNN).- – تألق النجم المصري محمد صلاح أمام واتفورد.', 'تألق النجم المصري محمد صلاح أمام واتفورد.'],
    ['two dashes before the agency', 'دبي، الإمارات العربية المتحدة --(CNN) أعلن مسؤول أمريكي إغلاق المكتب.', 'أعلن مسؤول أمريكي إغلاق المكتب.'],
    ['an English wire dateline', 'WASHINGTON (Reuters) - The Federal Reserve held rates steady on Wednesday.', 'The Federal Reserve held rates steady on Wednesday.'],
    ['a Reuters dateline with its date', 'WASHINGTON, March 20 (Reuters) - The Federal Reserve held rates steady on Wednesday.', 'The Federal Reserve held rates steady on Wednesday.'],
    ['an abbreviated month', 'LONDON, Jan. 5 (Reuters) - Britain’s economy grew faster than expected.', 'Britain’s economy grew faster than expected.'],
    ['a French wire dateline with its date', 'PARIS, 16 mars 2023 (AFP) - Le gouvernement a engagé sa responsabilité jeudi.', 'Le gouvernement a engagé sa responsabilité jeudi.'],
  ])('takes the dateline off the lead (%s)', (_case, lead, rest) => {
    const briefing = createBriefing(`${lead}\nوعقد الوزير اجتماعا مطولا مع نظيره لبحث العلاقات الثنائية.`, { title: 'عنوان' });
    expect(briefing.dateline).toBeDefined();
    expect(briefing.summary[0]).toBe(rest);
  });

  it.each([
    ['ar', 'دبي، الإمارات العربية المتحدة (CNN)— قال الرئيس التركي إن اقتصاد بلاده قوي رغم الأزمة.\nوأكد أن تركيا حققت قفزة في القطاع السياحي هذا العام.\nدبي، الإمارات العربية المتحدة (CNN)- تراهن شركة كوكاكولا على أن المقاهي ستنمو بسرعة.\nطالب صندوق النقد الدولي تونس بخفض فاتورة الواردات.', 'كوكاكولا'],
    ['en', 'LONDON (Reuters) - Britain’s economy grew faster than expected in the second quarter.\nThe pound rose after the data was published.\nNEW YORK (Reuters) - Oil prices fell on Tuesday as stockpiles grew.\nGold was flat.', 'Oil prices'],
  ])('stops at the lead of another article appended to the page (%s)', (_lang, text, other) => {
    const briefing = createBriefing(text, { title: 'Title', sentences: 10 });
    expect(briefing.summary.join(' ')).not.toContain(other);
    expect(briefing.summary.length).toBeGreaterThan(0);
  });

  it.each([
    ['a comma', ',جاء هذا بعد أن اشتكى سبعة زبائن من نفاد شحن السماعات بسرعة.', 'جاء هذا بعد أن اشتكى سبعة زبائن من نفاد شحن السماعات بسرعة.'],
    ['an Arabic comma', '، شمل قرار الإقالة كاتب الدولة للمناجم والمدير العام للمحروقات.', 'شمل قرار الإقالة كاتب الدولة للمناجم والمدير العام للمحروقات.'],
  ])('drops %s left at the start of a paragraph', (_case, paragraph, clean) => {
    expect(createBriefing(paragraph, { title: 'عنوان' }).summary).toEqual([clean]);
  });
});

describe('an intro line before the dateline (CNN analyses)', () => {
  const text = [
    'هذا التقرير بقلم عبيدة نفاع، محرر الشؤون الرياضية بموقع CNN بالعربية، والآراء الواردة أدناه تعبر عن رأي الكاتب.',
    'دبي، الإمارات العربية المتحدة (CNN) – يواجه المنتخب المصري نظيره البرتغالي في مباراة ودية مساء الجمعة.',
    'إيقاف رونالدو',
    'يعرف الجميع أن مفتاح لعب المنتخب البرتغالي هو كريستيانو رونالدو، لذلك يجب مراقبته طوال المباراة.',
    'دور صلاح',
    'لن يجد صلاح الحرية التي يجدها مع ليفربول، إذ سيكون تركيز اللاعبين منصبا عليه.',
  ].join('\n');
  const briefing = createBriefing(text, { title: 'خمس نقاط فنية للمنتخب المصري', sentences: 5 });

  it('keeps the byline and the dateline as metadata', () => {
    expect(briefing.byline).toBe('بقلم عبيدة نفاع');
    expect(briefing.dateline).toBe('دبي، الإمارات العربية المتحدة (CNN) –');
  });

  it('keeps the article whole: sections and summary after the dateline', () => {
    expect(briefing.sections.map((s) => s.heading)).toEqual(['إيقاف رونالدو', 'دور صلاح']);
    expect(briefing.summary[0]).toBe('يواجه المنتخب المصري نظيره البرتغالي في مباراة ودية مساء الجمعة.');
  });
});
