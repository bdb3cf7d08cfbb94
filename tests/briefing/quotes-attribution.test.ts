import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/briefing/arabic';
import { extractQuotes } from '../../src/briefing/quotes';
import type { Language, Quote } from '../../src/briefing/schema';

const norm = (text: string): string => normalizeArabic(text).replace(/\s+/g, ' ').trim();

function quoteWith(quotes: readonly Quote[], piece: string): Quote {
  const q = quotes.find((x) => norm(x.text).includes(norm(piece)));
  expect(q, `no quote contains "${piece}" in ${JSON.stringify(quotes)}`).toBeDefined();
  return q!;
}

/** [label, language, paragraphs, piece of the quote, exact speaker, role (exact, or undefined to skip)] */
type Row = [string, Language, string[], string, string, string | undefined];

const continuations: Row[] = [
  ['"she said" after a woman quoted earlier goes to the most recent named subject', 'en', [
    '"It is a soft landing so far," said Diane Swonk, chief economist at KPMG.',
    'Treasury Secretary Janet Yellen testified before lawmakers last week. "We have made remarkable progress," she said.',
  ], 'remarkable progress', 'Janet Yellen', 'Treasury Secretary'],
  ['the speaker of a partial quote is the antecedent of "she said"', 'en', [
    'Diane Swonk, chief economist at KPMG, said: "The labor market is cooling but not collapsing."',
    'Treasury Secretary Janet Yellen told lawmakers last week that the economy was "in a good place." "We have made remarkable progress," she said.',
  ], 'remarkable progress', 'Janet Yellen', undefined],
  ['a-t-elle ajouté after a woman named as the subject of a non-speech verb', 'fr', [
    'La Première ministre, Élisabeth Borne, a affirmé : « La réforme est nécessaire pour le pays. »',
    'La maire de Paris Anne Hidalgo a critiqué le projet. « C’est une erreur historique pour la ville », a-t-elle ajouté.',
  ], 'erreur historique', 'Anne Hidalgo', undefined],
  ['Elle a ajouté : skips a man named in between', 'fr', [
    'La maire de Paris Anne Hidalgo a critiqué le projet de loi présenté mardi.',
    'Le ministre Bruno Le Maire a présenté le budget. Elle a ajouté : « Nous attendons des précisions du gouvernement. »',
  ], 'attendons des précisions', 'Anne Hidalgo', undefined],
  ['وكتب after a role and name that did something else (رفض)', 'ar', [
    'وقال الرئيس الفلسطيني محمود عباس إن "معاداة السامية في أوروبا لم تنشأ بسبب الدين اليهودي".',
    'من جانبه، رفض وزير الدفاع الإسرائيلي أفيغدور ليبرمان اعتذار الرئيس الفلسطيني. وكتب عبر تويتر: "اعتذاراته غير مقبولة على الإطلاق ولن نقبلها".',
  ], 'اعتذاراته غير مقبولة', 'أفيغدور ليبرمان', 'وزير الدفاع الإسرائيلي'],
  ['وقالت after a woman who sent a message (ووجهت)', 'ar', [
    'وقال الرئيس الأمريكي دونالد ترامب إن "الهجوم كان مروعا وغير مقبول على الإطلاق".',
    'ووجهت المستشارة الألمانية أنغيلا ميركل برقية تعزية إلى ترامب. وقالت إن "كل الألمان يعبرون عن تعاطفهم العميق مع الضحايا".',
  ], 'كل الألمان', 'أنغيلا ميركل', 'المستشارة الألمانية'],
];

const titles: Row[] = [
  ['Chair before the name', 'en', ['Federal Reserve Chair Jerome Powell said: "We will stay the course until the job is done."'], 'stay the course', 'Jerome Powell', 'Federal Reserve Chair'],
  ['Chair alone', 'en', ['Chair Jerome Powell said: "Inflation is still too high for comfort."'], 'still too high', 'Jerome Powell', 'Chair'],
  ['President before the name', 'en', ['President Joe Biden said: "We will not back down from this fight."'], 'back down', 'Joe Biden', 'President'],
  ['abbreviated Sen.', 'en', ['Sen. Chuck Schumer told reporters: "This bill is going to pass this week."'], 'going to pass', 'Chuck Schumer', 'Sen.'],
  ['Dr. keeps its role', 'en', ['"The results are very encouraging for patients," said Dr. Paul Grant.'], 'very encouraging', 'Paul Grant', 'Dr.'],
  ['Mayor before the name', 'en', ['Mayor Ann Lee added: "We need more buses on the road now."'], 'more buses', 'Ann Lee', 'Mayor'],
  ['an organisation after "at" is no name', 'en', ['Diane Swonk, chief economist at Grant Thornton, said: "The labor market is cooling."'], 'labor market', 'Diane Swonk', 'chief economist at Grant Thornton'],
  ['le président', 'fr', ['Le président Emmanuel Macron a déclaré : « Nous ne céderons rien sur ce point. »'], 'céderons rien', 'Emmanuel Macron', 'Le président'],
  ['la Première ministre in apposition', 'fr', ['La Première ministre, Élisabeth Borne, a affirmé : « La réforme est nécessaire pour le pays. »'], 'réforme est nécessaire', 'Élisabeth Borne', 'La Première ministre'],
  ['الرئيس الروسي', 'ar', ['قال الرئيس الروسي فلاديمير بوتين إن "روسيا لن تسمح بأي تدخل في شؤونها الداخلية".'], 'لن تسمح', 'فلاديمير بوتين', 'الرئيس الروسي'],
  ['وزير الخارجية', 'ar', ['وقال وزير الخارجية سيرغي لافروف: "الحوار هو الطريق الوحيد للخروج من الأزمة".'], 'الطريق الوحيد', 'سيرغي لافروف', 'وزير الخارجية'],
];

describe('extractQuotes: continuations take the most recently mentioned matching person', () => {
  it.each(continuations)('%s (%s)', (_label, language, paragraphs, piece, speaker, role) => {
    const q = quoteWith(extractQuotes(paragraphs, language), piece);
    expect(q.speaker).toBe(speaker);
    if (role !== undefined) expect(q.speakerRole).toBe(role);
  });
});

describe('extractQuotes: titles before a name go to the role', () => {
  it.each(titles)('%s (%s)', (_label, language, paragraphs, piece, speaker, role) => {
    const q = quoteWith(extractQuotes(paragraphs, language), piece);
    expect(q.speaker).toBe(speaker);
    expect(q.speakerRole).toBe(role);
  });
});

/** [label, paragraphs, piece of the quote, words the speaker must not contain] */
const arabicNoise: [string, string[], string, string[]][] = [
  ['an object after a role is no name (زار الوزير الفرنسي موقع العمل)', [
    'وزار الوزير الفرنسي موقع العمل في المتحف المصري الجديد بعد ظهر الأحد.',
    'وأكد الوزير الفرنسي أن "الحوار مع القاهرة مستمر في كل الملفات الصعبة".',
  ], 'الحوار مع القاهرة', ['موقع']],
  ['a verb with و after a name is no name (حركة حماس ويعيش)', [
    'وقال مسؤول إن فادي البطش ناشط في حركة حماس ويعيش في ماليزيا منذ عشر سنوات.',
    'وقالت الحركة إن "المهندس اغتالته يد الغدر فجر السبت في كوالالمبور".',
  ], 'اغتالته يد الغدر', ['ويعيش']],
  ['a noun with ب after a role is no name (زعيم التيار بجملة)', [
    'ورد زعيم التيار الصدري بجملة قصيرة على سؤال أنصاره.',
    'وقال زعيم التيار الصدري إن "هذا شأن داخلي وقد قمنا باللازم تجاهه".',
  ], 'شأن داخلي', ['بجمله']],
  ['a plural noun heading a construct is the source, not a name (أرقام الأمم المتحدة)', [
    'وتشير أرقام الأمم المتحدة إلى أن "واحدا من كل تسعة أشخاص في العالم يعاني من الجوع".',
  ], 'واحدا من كل تسعة', ['=أرقام']],
];

describe('extractQuotes: Arabic speakers are name or role phrases, not the words after them', () => {
  it.each(arabicNoise)('%s', (_label, paragraphs, piece, bad) => {
    const q = quoteWith(extractQuotes(paragraphs, 'ar'), piece);
    expect(q.speaker).not.toBeNull();
    for (const w of bad) {
      if (w.startsWith('=')) expect(norm(q.speaker!)).not.toBe(norm(w.slice(1)));
      else expect(norm(q.speaker!).split(' ')).not.toContain(norm(w));
    }
  });
});

const implausible: [string, Language, string[], string, string][] = [
  ['a pronoun clause is no speaker', 'en', [
    'European Commissioner Valdis Dombrovskis struck a cautious tone. "We are ready to compromise, but not at any price," he told journalists in Brussels, adding that the EU "will defend its industry if necessary, whatever it costs."',
  ], 'defend its industry', 'he told'],
  ['a phrase ending on a preposition is no speaker', 'fr', [
    '« Les taux resteront élevés encore longtemps », selon le gouverneur de la Banque de.',
  ], 'taux resteront', 'Banque de'],
];

describe('extractQuotes: implausible speaker phrases are dropped', () => {
  it.each(implausible)('%s (%s)', (_label, language, paragraphs, piece, bad) => {
    const q = quoteWith(extractQuotes(paragraphs, language), piece);
    expect(q.speaker ?? '').not.toContain(bad);
  });
});

describe('module layout', () => {
  it('has one module named briefing/quotes (no folder of the same name, so plain Node resolves it)', () => {
    expect(existsSync(fileURLToPath(new URL('../../src/briefing/quotes.ts', import.meta.url)))).toBe(true);
    expect(existsSync(fileURLToPath(new URL('../../src/briefing/quotes', import.meta.url)))).toBe(false);
  });
});
