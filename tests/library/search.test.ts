import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/briefing/schema';
import { searchTermsOf } from '../../src/library/lead';
import { SearchIndex } from '../../src/library/search';
import type { LibraryArticle } from '../../src/library/types';

function art(id: string, headline: string, timestamp: number, quotes: Array<Partial<Quote> & { text: string }>, language: 'ar' | 'en' | 'fr' = 'en'): LibraryArticle {
  return {
    id,
    format: 'txt',
    meta: {},
    timestamp,
    mtimeMs: timestamp,
    briefing: {
      headline,
      language,
      direction: language === 'ar' ? 'rtl' : 'ltr',
      sections: [],
      summary: ['x'],
      quotes: quotes.map((q, i) => ({ speaker: null, paragraph: i, partial: false, ...q })),
    },
  };
}

function index(): SearchIndex {
  const idx = new SearchIndex();
  idx.upsert(art('lavrov', 'لافروف يزور بيونغ يانغ', 1, [
    { text: 'إنَّ روسيا تدعم الحكومةَ الكورية', speaker: 'سيرغي لافروف', speakerRole: 'وزير الخارجية' },
    { text: 'لا نقبل بالعقوبات', speaker: 'سيرغي لافروف' },
  ], 'ar'));
  idx.upsert(art('mayor', 'Mayor opens the Bridge', 2, [{ text: 'This bridge connects us all', speaker: 'Jane Doe', speakerRole: 'the mayor' }]));
  idx.upsert(art('maire', 'Le maire inaugure le pont', 3, [{ text: 'Ce pont relie les générations', speaker: 'Élodie Martin' }], 'fr'));
  idx.upsert(art('madrasa', 'مدرسةٌ جديدة في القاهرة', 4, [{ text: 'المدرسة مفتوحة للجميع', speaker: null, speakerRole: 'مديرة المدرسة' }], 'ar'));
  return idx;
}

const ids = (hits: Array<{ articleId: string; index: number }>) => hits.map((h) => `${h.articleId}#${h.index}`);

describe('quote search', () => {
  it.each([
    ['Arabic without diacritics', 'الحكومة', ['lavrov#0']],
    ['Arabic with ة written as ه and no article', 'حكومه', ['lavrov#0']],
    ['Arabic with alef forms folded', 'ان روسيا', ['lavrov#0']],
    ['Arabic word behind a prefix', 'عقوبات', ['lavrov#1']],
    ['English, any case', 'BRIDGE', ['mayor#0']],
    ['English word prefix', 'connect', ['mayor#0']],
    ['French without accents', 'generations', ['maire#0']],
    ['every word required', 'pont generations', ['maire#0']],
    ['nothing', 'zebra', []],
    ['a partly matching query', 'bridge zebra', []],
  ])('finds %s', (_name, query, expected) => {
    expect(ids(index().searchQuotes({ query }))).toEqual(expected);
  });

  it.each([
    ['Arabic speaker, no diacritics', { speaker: 'لافروف' }, ['lavrov#0', 'lavrov#1']],
    ['speaker by role', { speaker: 'mayor' }, ['mayor#0']],
    ['French speaker without accent', { speaker: 'elodie' }, ['maire#0']],
    ['speaker and words', { speaker: 'لافروف', query: 'عقوبات' }, ['lavrov#1']],
    ['article only', { articleId: 'lavrov' }, ['lavrov#0', 'lavrov#1']],
    ['article and words', { articleId: 'mayor', query: 'pont' }, []],
    ['no criteria: newest first', {}, ['madrasa#0', 'maire#0', 'mayor#0', 'lavrov#0', 'lavrov#1']],
  ])('filters by %s', (_name, query, expected) => {
    expect(ids(index().searchQuotes(query))).toEqual(expected);
  });

  it('forgets removed and replaced articles', () => {
    const idx = index();
    idx.remove('mayor');
    expect(idx.searchQuotes({ query: 'bridge' })).toEqual([]);
    idx.upsert(art('lavrov', 'x', 1, [{ text: 'new words only' }]));
    expect(idx.searchQuotes({ query: 'عقوبات' })).toEqual([]);
    expect(ids(idx.searchQuotes({ query: 'words' }))).toEqual(['lavrov#0']);
    expect(idx.suggestSpeakers('لافروف')).toEqual([]);
  });

  it.each([
    ['Arabic, with diacritics and a line break', 'ar', 'سيرغيْ\n لافروف', 'سيرغي', 'سيرغيْ لافروف'],
    ['English, spaced oddly', 'en', '  Jane   Doe ', 'jane', 'Jane Doe'],
    ['French, accented', 'fr', 'Élodie\tMartin', 'elodie', 'Élodie Martin'],
    ['a role when there is no name', 'en', null, 'mayor', 'the mayor'],
  ] as const)('suggests a speaker (%s) until the last article quoting them is removed', (_name, language, speaker, typed, shown) => {
    const idx = new SearchIndex();
    const quote = { text: 'words', speaker, speakerRole: 'the mayor' };
    idx.upsert(art('one', 'One', 1, [quote], language));
    idx.upsert(art('two', 'Two', 2, [quote, { text: 'more words', speaker: 'Someone Else' }], language));
    idx.remove('two');
    expect(idx.suggestSpeakers(typed).map((s) => s.value)).toEqual([shown]);
    expect(idx.suggestSpeakers('someone')).toEqual([]);
    idx.upsert(art('one', 'One again', 3, [{ text: 'other words', speaker: 'Someone Else' }], language));
    expect(idx.suggestSpeakers(typed)).toEqual([]);
    expect(idx.suggestSpeakers('someone').map((s) => s.value)).toEqual(['Someone Else']);
  });
});

describe('autocomplete by lead and speakers, below title matches', () => {
  /** An article whose lead (and quotes) are given as the library would index them. */
  const withLead = (id: string, headline: string, timestamp: number, lead: string, quotes: Array<Partial<Quote> & { text: string }> = [], language: 'ar' | 'en' | 'fr' = 'en'): LibraryArticle => {
    const a = art(id, headline, timestamp, quotes, language);
    return { ...a, searchTerms: searchTermsOf(lead, a.briefing) };
  };
  const library = (): SearchIndex => {
    const idx = new SearchIndex();
    idx.upsert(withLead('visit', 'وتأتي زيارة وزير الخارجية الروسي وسط مخاوف', 5, 'وصل وزير الخارجية الروسي سيرغي لافروف إلى كوريا الشمالية يوم الأربعاء', [], 'ar'));
    idx.upsert(withLead('lavrov-old', 'لافروف يزور بيونغ يانغ', 1, 'زار الوزير العاصمة الكورية', [], 'ar'));
    idx.upsert(withLead('talks', 'محادثات في جنيف', 3, 'اجتمع الوفدان في جنيف', [{ text: 'لا حل عسكريا', speaker: 'سيرغي لافروف', speakerRole: 'وزير الخارجية' }], 'ar'));
    idx.upsert(withLead('bridge', 'A new bridge for the city', 6, 'Mayor Anne Hidalgo opened the Pont Neuf extension in Paris on Monday', [], 'en'));
    idx.upsert(withLead('hidalgo', 'Hidalgo re-elected', 2, 'The mayor won a second term', [], 'en'));
    idx.upsert(withLead('pont', 'Inauguration du pont', 4, 'La maire de Paris a inauguré vendredi le pont des Écoles à Créteil', [{ text: 'Un pont pour tous', speaker: 'Élodie Martin' }], 'fr'));
    return idx;
  };
  const suggested = (idx: SearchIndex, typed: string): string[] => idx.suggestArticles(typed).map((s) => s.value);

  it.each([
    ['ar: a name only in the lead (the headline does not name him), below the title match', 'لافروف', ['lavrov-old', 'visit', 'talks']],
    ['ar: folded (diacritics, alef forms, ة)', 'لافْروف الخارجيّة', ['visit', 'talks']],
    ['ar: a speaker only in the quotes', 'سيرغي', ['visit', 'talks']],
    ['en: a name in a title, then in a lead', 'hidalgo', ['hidalgo', 'bridge']],
    ['en: a place in the lead, any case', 'PARIS', ['bridge', 'pont']],
    ['fr: accents folded, a place in the lead', 'creteil', ['pont']],
    ['fr: a speaker without accents', 'elodie', ['pont']],
    ['one word in the title, another in the lead', 'bridge paris', ['bridge']],
    ['every word is needed', 'paris zebra', []],
    ['function words alone match no lead', 'the', ['bridge']],
  ])('%s', (_case, typed, expected) => {
    expect(suggested(library(), typed)).toEqual(expected);
  });

  it('matches titles only on a single typed character', () => {
    expect(suggested(library(), 'w')).toEqual([]); // 'won' is in a lead only
    expect(suggested(library(), 'h')).toEqual(['hidalgo']);
  });

  it('forgets an article’s lead terms when it is removed or replaced', () => {
    const idx = library();
    idx.remove('visit');
    expect(suggested(idx, 'كوريا')).toEqual([]);
    idx.upsert(withLead('bridge', 'A new bridge for the city', 6, 'Works start in Lyon', [], 'en'));
    expect(suggested(idx, 'paris')).toEqual(['pont']);
    expect(suggested(idx, 'lyon')).toEqual(['bridge']);
  });

  it('fills 25 suggestions with title matches first, then lead matches, each newest first', () => {
    const idx = new SearchIndex();
    for (let i = 0; i < 20; i++) idx.upsert(withLead(`lead${i}`, `Story ${i}`, 100 + i, 'Talks in Geneva went on'));
    for (let i = 0; i < 10; i++) idx.upsert(withLead(`title${i}`, `Geneva talks ${i}`, i, 'Nothing else'));
    const values = suggested(idx, 'geneva');
    expect(values).toEqual([...Array.from({ length: 10 }, (_, i) => `title${9 - i}`), ...Array.from({ length: 15 }, (_, i) => `lead${19 - i}`)]);
  });
});

describe('autocomplete', () => {
  it.each([
    ['empty text: newest first', '', ['madrasa', 'maire', 'mayor', 'lavrov']],
    ['Arabic title without tanween or ة', 'مدرسه', ['madrasa']],
    ['Arabic with tatweel', 'لافـــروف', ['lavrov']],
    ['English title ignoring case', 'BRIDGE', ['mayor']],
    ['French title without accents', 'inaugure', ['maire']],
    ['the id', 'madr', ['madrasa']],
    ['nothing', 'zzz', []],
  ])('suggests articles for %s', (_name, typed, expected) => {
    expect(index().suggestArticles(typed).map((s) => s.value)).toEqual(expected);
  });

  it('suggests at most 25 articles with names of at most 100 characters', () => {
    const idx = new SearchIndex();
    for (let i = 0; i < 40; i++) idx.upsert(art(`a${i}`, `${'عنوان طويل جدا '.repeat(20)}${i}`, i, []));
    const suggestions = idx.suggestArticles('عنوان');
    expect(suggestions).toHaveLength(25);
    expect(suggestions[0]!.value).toBe('a39');
    for (const s of suggestions) expect(s.name.length).toBeLessThanOrEqual(100);
  });

  it.each([
    ['Arabic speaker, once for all quotes', 'لافروف', ['سيرغي لافروف']],
    ['role only', 'مديره', ['مديرة المدرسة']],
    ['French speaker', 'ELODIE', ['Élodie Martin']],
  ])('suggests speakers for %s', (_name, typed, expected) => {
    expect(index().suggestSpeakers(typed).map((s) => s.value)).toEqual(expected);
  });
});

describe('an article named without autocomplete', () => {
  /** Three articles of the same title (written differently), the newest last, and another title. */
  function sameTitles(titleOf: (n: number) => string, language: 'ar' | 'en' | 'fr'): SearchIndex {
    const idx = new SearchIndex();
    for (let n = 1; n <= 3; n++) idx.upsert(art(`story-${n}`, titleOf(n), n, [], language));
    idx.upsert(art('other', 'Another story', 9, [], language));
    return idx;
  }
  const titles: Array<[string, 'ar' | 'en' | 'fr', (n: number) => string, string]> = [
    ['Arabic, diacritics and alef forms differing', 'ar', (n) => (n === 2 ? 'إعلانُ الحكومة' : 'اعلان الحكومه'), 'اعلان الحكومة'],
    ['English, case differing', 'en', (n) => (n === 2 ? 'THE BRIDGE OPENS' : 'The bridge opens'), 'the bridge opens'],
    ['French, accents differing', 'fr', (n) => (n === 2 ? 'Le pont inauguré' : 'Le pont inaugure'), 'le pont inauguré'],
  ];

  it.each(titles)('resolves %s to the newest of the same name, then the next newest as they are removed', (_name, language, titleOf, typed) => {
    const idx = sameTitles(titleOf, language);
    expect(idx.resolveName(typed)).toBe('story-3');
    idx.remove('story-3');
    expect(idx.resolveName(typed)).toBe('story-2');
    idx.upsert(art('story-1', titleOf(1), 1, [], language)); // replaced: still one name entry
    idx.remove('story-2');
    expect(idx.resolveName(typed)).toBe('story-1');
    idx.remove('story-1');
    expect(idx.resolveName(typed)).toBeUndefined();
    expect(idx.resolveName('another story')).toBe('other');
  });

  it.each([
    ['an id', 'story-2', 'story-2'],
    ['an id in upper case', 'STORY-1', 'story-1'],
    ['a name no article has', 'zebra', undefined],
    ['nothing', '', undefined],
  ])('resolves %s', (_name, typed, expected) => {
    expect(sameTitles((n) => `Title ${n}`, 'en').resolveName(typed)).toBe(expected);
  });
});
