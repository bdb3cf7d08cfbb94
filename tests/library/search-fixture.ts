/**
 * Libraries for search tests: a generated one (pseudo-random, deterministic)
 * of Arabic, English and French words written in several forms (diacritics,
 * tatweel, و+ال, accents, case), and the reference answer of a quote query by
 * brute force.
 */
import type { Quote } from '../../src/briefing/schema';
import { searchTermsOf } from '../../src/library/lead';
import { articleIndexEntry } from '../../src/library/index-entry';
import { foldForSearch, termsOf, wordsOf } from '../../src/library/normalize';
import type { QuoteQuery } from '../../src/library/search';
import type { LibraryArticle } from '../../src/library/types';

/** Words of three languages, some sharing prefixes, some behind Arabic light prefixes. */
export const VOCAB = [
  'الحكومة', 'والحكومة', 'حكومي', 'روسيا', 'الرئيس', 'رئيس', 'وزير', 'الوزراء', 'في', 'من', 'إن', 'السلام', 'بالسلام', 'مصر', 'مصري',
  'فيها', 'government', 'president', 'peace', 'bridge', 'bride', 'the', 'them', 'of', 'gouvernement', 'président', 'paix', 'pont', 'été', 'élection',
];
/** The same words as readers or writers also spell them: diacritics, tatweel, alef forms, ة as ه, accents and case. */
export const VARIANT_VOCAB = [
  'الحكومةَ', 'الحكـــومة', 'والحكومه', 'أنَّ', 'ان', 'الرئيـس', 'رئيسٌ', 'بالسّلام', 'مصرى', 'Government', 'PEACE', 'Bridge', 'Président', 'PRESIDENT', 'ÉTÉ', 'Election', 'élections',
];
export const SPEAKERS = ['سيرغي لافروف', 'محمد بن سلمان', 'أم كلثوم', 'Jane Doe', 'John Smith', 'Élodie Martin', 'Émile Zola', 'Elodie Martin'];
export const ROLES = ['وزير الخارجية', 'الرئيس المصري', 'the mayor', 'le maire', undefined];

/** A deterministic pseudo-random sequence (LCG). */
export function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** `size` articles of 1–3 quotes of random words (`vocab`), timestamps 0–999 (many equal), ids `a0…`. */
export function generatedLibrary(size: number, seed = 42, vocab: readonly string[] = VOCAB): LibraryArticle[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: size }, (_, n) => ({
    id: `a${n}`, format: 'txt', meta: {}, timestamp: Math.floor(next() * 1000), mtimeMs: 0,
    briefing: {
      headline: `${pick(vocab)} ${pick(vocab)}`, language: 'ar', direction: 'rtl', sections: [], summary: ['x'],
      quotes: Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({
        text: Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(vocab)).join(' '),
        speaker: next() < 0.2 ? null : pick(SPEAKERS), speakerRole: pick(ROLES), paragraph: i, partial: false,
      })),
    },
  }));
}

/** An article with a title, a lead and quotes, its search terms (lead and speakers) computed as the library does. */
export function article(id: string, title: string, timestamp: number, lead: string, quotes: Array<Partial<Quote> & { text: string }>, language: 'ar' | 'en' | 'fr'): LibraryArticle {
  const briefing = {
    headline: title, language, direction: language === 'ar' ? 'rtl' : 'ltr', sections: [], summary: ['x'],
    quotes: quotes.map((q, i) => ({ speaker: null, paragraph: i, partial: false, ...q })),
  } as LibraryArticle['briefing'];
  const base: LibraryArticle = { id, format: 'md', meta: { title }, timestamp, mtimeMs: timestamp, briefing };
  return { ...base, searchTerms: searchTermsOf(lead, briefing, articleIndexEntry(base).titleTerms) };
}

/** A small library in three languages, with the forms a search must see through. */
export function trilingualLibrary(): LibraryArticle[] {
  return [
    article('lavrov-pyongyang', 'لافروف يزور بيونغ يانغ', 1000, 'وصل وزير الخارجية الروسي سيرغي لافروف إلى بيونغ يانغ اليوم في زيارة رسمية تستمر يومين', [
      { text: 'إنَّ روسيا تدعم الحكومةَ الكورية والشعبَ الكوري', speaker: 'سيرغي لافروف', speakerRole: 'وزير الخارجية' },
      { text: 'لا نقبل بالعقوبات الأحاديـــة', speaker: 'سيرغي لافروف' },
    ], 'ar'),
    article('cairo-school', 'مدرسةٌ جديدة في القاهرة', 2000, 'افتتحت وزارة التربية والتعليم مدرسة جديدة في حي شبرا بالقاهرة لاستقبال ألف تلميذ', [
      { text: 'المدرسة مفتوحة للجميع والحكومةُ تدعمها', speakerRole: 'مديرة المدرسة' },
      { text: 'والتعليمُ حقٌّ لكل طفل', speaker: 'أم كلثوم' },
    ], 'ar'),
    article('mayor-bridge', 'Mayor opens the Bridge', 3000, 'The mayor of Springfield opened the new river bridge on Monday after three years of work', [
      { text: 'This BRIDGE connects us all', speaker: 'Jane Doe', speakerRole: 'the mayor' },
      { text: 'The government paid for the bridge', speaker: 'John Smith' },
    ], 'en'),
    article('maire-pont', 'Le maire inaugure le pont', 3000, 'Le maire de Lyon a inauguré lundi le nouveau pont sur le Rhône après trois années de travaux', [
      { text: 'Ce pont relie les générations et les élections passent', speaker: 'Élodie Martin' },
      { text: 'Le gouvernement a été généreux', speaker: 'Elodie Martin', speakerRole: 'le maire' },
    ], 'fr'),
    article('peace-talks', 'Peace talks resume in Geneva', 4000, 'Diplomats from both sides returned to Geneva on Tuesday for a new round of peace talks', [
      { text: 'Peace is within reach, said the president of the republic', speaker: 'John Smith', speakerRole: 'the mayor' },
    ], 'en'),
    article('sans-citation', 'Élection présidentielle : le débat', 500, '', [], 'fr'),
  ];
}

/** What a quote query must answer, by brute force over every quote: newest article first, then in the article's order. */
export function referenceQuotes(articles: readonly LibraryArticle[], q: QuoteQuery): string[] {
  const matches = (text: string, words: string[], minPrefix: number): boolean => {
    const terms = wordsOf(foldForSearch(text)).flatMap(termsOf);
    return words.every((w) => termsOf(w).some((v) => terms.some((t) => (v.length >= minPrefix ? t.startsWith(v) : t === v))));
  };
  const words = q.query ? wordsOf(foldForSearch(q.query)) : [];
  const speaker = q.speaker ? wordsOf(foldForSearch(q.speaker)) : [];
  const newest = [...articles].sort((a, b) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : -1));
  const out: string[] = [];
  for (const a of newest) {
    if (q.articleId !== undefined && a.id !== q.articleId) continue;
    a.briefing.quotes.forEach((quote, i) => {
      if (matches(quote.text, words, 3) && matches(`${quote.speaker ?? ''} ${quote.speakerRole ?? ''}`, speaker, 1)) out.push(`${a.id}#${i}`);
    });
  }
  return out.slice(0, q.limit ?? 500);
}
