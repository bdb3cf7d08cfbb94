import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { LEAD_MAX, leadOf, searchTermsOf } from '../../src/library/lead';
import { splitTerms } from '../../src/library/term-list';

const README_ARTICLE = readFileSync(join(__dirname, '../../content/lavrov-north-korea.txt'), 'utf8');

describe('leadOf', () => {
  it.each([
    [
      'ar: the first paragraph under a headline taken from the body (the README article)',
      README_ARTICLE,
      createBriefing(README_ARTICLE).headline,
      /^وصل وزير الخارجية الروسي سيرغي لافروف إلى كوريا الشمالية/,
    ],
    [
      'ar: a byline and a dateline line are not the lead',
      'بقلم: سارة الأحمد\nالقاهرة - 12 مايو 2024\n\nأعلنت الحكومة المصرية اليوم خطة جديدة لخفض أسعار الخبز في جميع المحافظات.\n\nوقال الوزير إن الخطة تبدأ غدا.',
      'الحكومة تعلن خطة الخبز',
      /^أعلنت الحكومة المصرية اليوم خطة جديدة/,
    ],
    [
      'en: a title line, then the lead',
      'Council approves tram line\n\nThe city council of Leeds voted on Tuesday to build a tram line to the airport, ending ten years of debate.\n\n"This is a historic day," said the mayor.',
      'Council approves tram line',
      /^The city council of Leeds voted on Tuesday/,
    ],
    [
      'en: scraped boilerplate before the story is skipped',
      '[ad_1]\n\nThe central bank of Kenya raised its main rate by half a point on Wednesday to curb inflation.\n\nMore to follow.',
      'Kenya raises rates',
      /^The central bank of Kenya raised/,
    ],
    [
      'fr: the lead under a standfirst used as headline',
      'Le Parlement adopte la réforme des retraites.\n\nLes députés ont adopté jeudi à Paris la réforme défendue par Élisabeth Borne, après trois semaines de débats.',
      'Le Parlement adopte la réforme des retraites',
      /^Les députés ont adopté jeudi à Paris/,
    ],
  ])('%s', (_case, body, headline, expected) => {
    expect(leadOf(body, headline)).toMatch(expected);
  });

  it.each([
    ['ar', `${'كلمة '.repeat(100)}نهاية.`],
    ['en', `${'word '.repeat(100)}end.`],
    ['fr', `${'mot '.repeat(100)}fin.`],
  ])('cuts a long %s lead at a word, within the limit', (_lang, body) => {
    const lead = leadOf(body, 'Headline');
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX);
    expect(lead.length).toBeGreaterThan(LEAD_MAX / 2);
    expect(body.startsWith(lead)).toBe(true);
    expect(body[lead.length]).toBe(' ');
  });

  it.each([
    ['an empty body', ''],
    ['white space only', ' \n\n\t '],
    ['the headline alone', 'Council approves tram line'],
  ])('is empty for %s', (_case, body) => {
    expect(leadOf(body, 'Council approves tram line')).toBe('');
  });
});

describe('searchTermsOf', () => {
  const quotes = [
    { text: 'x', speaker: 'سيرغي لافروف', speakerRole: 'وزير الخارجية', paragraph: 0, partial: false },
    { text: 'y', speaker: 'Élisabeth Borne', paragraph: 1, partial: false },
    { text: 'z', speaker: null, speakerRole: 'the Mayor', paragraph: 2, partial: false },
  ];

  it('has the folded words of the lead and of every speaker and role, each once, without function words', () => {
    const terms = splitTerms(searchTermsOf('وصل لافروف اليوم إلى بيونغ يانغ يوم الأربعاء، and the mayor of Leeds said', { quotes }));
    expect(terms).toEqual(expect.arrayContaining(['وصل', 'لافروف', 'بيونغ', 'اربعاء', 'leeds', 'mayor', 'سيرغي', 'وزير', 'خارجيه', 'elisabeth', 'borne']));
    expect(new Set(terms).size).toBe(terms.length);
    for (const stopword of ['الي', 'اليوم', 'and', 'the', 'of', 'said']) expect(terms).not.toContain(stopword);
  });

  it.each([
    ['ال', 'الحكومة', ['حكومه'], ['الحكومه']],
    ['وال', 'والحكومة', ['حكومه'], ['والحكومه']],
    ['و, which may be the word’s own letter', 'وزير', ['وزير', 'زير'], []],
    ['ب, which may be the name’s own letter', 'بوتين', ['بوتين', 'وتين'], []],
  ])('keeps an Arabic word behind %s as the query looks it up', (_prefix, word, kept, dropped) => {
    const terms = splitTerms(searchTermsOf(word, { quotes: [] }));
    expect(terms).toEqual(expect.arrayContaining(kept));
    for (const term of dropped) expect(terms).not.toContain(term);
  });

  it('leaves out the terms the title has already', () => {
    const terms = splitTerms(searchTermsOf('The mayor of Leeds opened the bridge', { quotes: [] }, ' bridge leeds '));
    expect(terms).toEqual(['mayor', 'opened']);
  });

  it('is an empty list without lead or speakers', () => {
    expect(splitTerms(searchTermsOf('', { quotes: [] }))).toEqual([]);
  });
});
