import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/briefing/schema';
import { addCounts, judgeSpeaker, matchQuotes, overlapF1, quoteMetrics, shownSpeaker } from '../../eval/quote-match';
import { loadAnnotated } from '../../eval/quote-gold';

const articles = await loadAnnotated(fileURLToPath(new URL('../fixtures/quotes-dev/', import.meta.url)));

const q = (text: string, speaker: string | null, speakerRole?: string): Quote => ({ text, speaker, speakerRole, paragraph: 0, partial: false });

describe('overlapF1', () => {
  it.each([
    ['identical after normalisation', 'روسيا ملتزمة بالتزاماتها', 'روسيا ملتزمه بالتزاماتها', 1],
    ['half the words', 'a b c d', 'a b', 2 / 3],
    ['different case and punctuation', 'We are ready.', 'we are ready', 1],
    ['nothing shared', 'nous partons', 'they stay', 0],
    ['empty', '', 'x', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(overlapF1(a, b)).toBeCloseTo(expected, 12);
  });
});

describe('judgeSpeaker (strict: contains an accepted form, and every word belongs to one)', () => {
  it.each([
    // right
    ['the full name', 'سيرغي لافروف', ['سيرغي لافروف'], 'right'],
    ['a surname the annotators accept', 'لافروف', ['سيرغي لافروف', 'لافروف'], 'right'],
    ['role + name when the article uses it', 'Russian President Vladimir Putin', ['Vladimir Putin', 'Putin', 'Russian President Vladimir Putin'], 'right'],
    ['words from two accepted forms', 'President Vladimir Putin', ['Vladimir Putin', 'President Putin'], 'right'],
    ['a role alone for a person the article never names', 'المتحدثة باسم الشركة', ['المتحدثة باسم الشركة'], 'right'],
    ['alef, ة and diacritics folded', 'أسامة', ['اسامه'], 'right'],
    ['case folded, accents kept', 'mme binet', ['Sophie Binet', 'Mme Binet'], 'right'],
    ['punctuation ignored', 'Mr. Reeves', ['Richard V. Reeves', 'Mr. Reeves'], 'right'],
    ['a leading English article', 'A Nato official', ['Nato official', 'Nato'], 'right'],
    ['a leading French article', 'le ministère des Affaires étrangères', ['ministère des Affaires étrangères', 'Quai d’Orsay'], 'right'],
    ['no speaker expected and none given', null, [], 'right'],
    // wrong
    ['a verb glued to the name (شن بولتون)', 'شن بولتون', ['جون بولتون', 'بولتون'], 'wrong'],
    ['the role when the article names the person', 'رئيس هيئة الكتاب', ['محمود السيد'], 'wrong'],
    ['the role + name when only the name is accepted', 'رئيس هيئة الكتاب محمود السيد', ['محمود السيد'], 'wrong'],
    ['a surname when the whole name is given (منصور)', 'منصور', ['ليلى منصور'], 'wrong'],
    ['the English descriptor when the person is named', 'the government spokesman', ['Karin Smyth'], 'wrong'],
    ['the French descriptor when the person is named', 'le PDG', ['Patrick Pouyanné'], 'wrong'],
    ['another person with the same surname', 'ميشيل أوباما', ['باراك أوباما', 'أوباما'], 'wrong'],
    ['another person', 'Ben Ortiz', ['Priya Raman'], 'wrong'],
    ['an article alone', 'the', ['Priya Raman'], 'wrong'],
    ['an article inside the speaker', 'Nato the official', ['Nato official'], 'wrong'],
    ['a speaker when the article gives none', 'Karim', [], 'wrong'],
    // none
    ['no speaker', null, ['Sophie Binet'], 'none'],
    ['an empty speaker', ' ', ['Sophie Binet'], 'none'],
  ] as const)('%s', (_name, predicted, accepted, expected) => {
    expect(judgeSpeaker(predicted, accepted)).toBe(expected);
  });
});

describe('shownSpeaker', () => {
  it.each([
    ['the name when there is one', { speaker: 'Laurent Fabius', speakerRole: 'le ministre' }, 'Laurent Fabius'],
    ['the role when there is no name', { speaker: null, speakerRole: 'المتحدثة باسم الشركة' }, 'المتحدثة باسم الشركة'],
    ['null when neither', { speaker: null }, null],
  ])('%s', (_name, quote, expected) => {
    expect(shownSpeaker(quote)).toBe(expected);
  });
});

describe('matchQuotes', () => {
  const gold = {
    quotes: [
      { text: 'Nous ne lâcherons rien tant que le gouvernement refusera', speaker_any: ['Sophie Binet'] },
      { text: 'Le dialogue reste ouvert, mais la réforme ira à son terme', speaker_any: ['Clément Beaune'] },
      { text: 'الأولوية الآن هي وقف إطلاق النار', speaker_any: ['سامح شكري'] },
    ],
    allowed_extra: ['des moyens d’urgence'],
    patterns: [],
  };

  it('counts matches, speakers, misses and spurious quotes', () => {
    const result = matchQuotes([
      q('Nous ne lâcherons rien tant que le gouvernement refusera de retirer ce texte', 'Sophie Binet'),
      q('Le dialogue reste ouvert', 'Sophie Binet'), // 4 of 11 words: F1 8/15 ≥ 0.5, so it matches, with the wrong speaker
      q('historique', null),
      q('des moyens d’urgence', 'Anne Vignot'),
      q('الاولويه الان هي وقف اطلاق النار', 'شكري'),
    ], gold);
    expect(result).toMatchObject({ gold: 3, predicted: 4, matched: 3, speakerRight: 1, speakerWrong: 2, speakerNone: 0, missed: [], spurious: ['historique'] });
    expect(result.speakerErrors).toEqual([
      { text: gold.quotes[1]!.text, verdict: 'wrong', expected: ['Clément Beaune'], speaker: 'Sophie Binet', role: null },
      { text: gold.quotes[2]!.text, verdict: 'wrong', expected: ['سامح شكري'], speaker: 'شكري', role: null },
    ]);
  });

  it('matches one prediction to one gold quote only', () => {
    const result = matchQuotes([q('الأولوية الآن هي وقف إطلاق النار', 'سامح شكري')], {
      ...gold,
      quotes: [gold.quotes[2]!, { text: 'الأولوية الآن هي وقف إطلاق النار فورا', speaker_any: ['سامح شكري'] }],
    });
    expect(result.matched).toBe(1);
    expect(result.missed).toEqual(['الأولوية الآن هي وقف إطلاق النار فورا']);
  });

  it('finds nothing in an empty prediction', () => {
    expect(matchQuotes([], gold)).toMatchObject({ gold: 3, predicted: 0, matched: 0, missed: gold.quotes.map((g) => g.text) });
  });
});

describe('quoteMetrics', () => {
  it.each([
    ['typical', { gold: 10, predicted: 8, matched: 6, speakerRight: 3, speakerWrong: 1, speakerNone: 2 }, { precision: 0.75, recall: 0.6, f1: 2 / 3, right: 0.5, wrong: 1 / 6, none: 1 / 3 }],
    ['nothing predicted', { gold: 4, predicted: 0, matched: 0, speakerRight: 0, speakerWrong: 0, speakerNone: 0 }, { precision: 0, recall: 0, f1: 0, right: 0, wrong: 0, none: 0 }],
  ])('%s', (_name, counts, expected) => {
    const m = quoteMetrics(counts);
    for (const [k, v] of Object.entries(expected)) expect(m[k as keyof typeof m]).toBeCloseTo(v, 12);
  });

  it('sums counts', () => {
    expect(addCounts(
      { gold: 1, predicted: 2, matched: 1, speakerRight: 1, speakerWrong: 0, speakerNone: 0 },
      { gold: 3, predicted: 2, matched: 2, speakerRight: 0, speakerWrong: 1, speakerNone: 1 },
    )).toEqual({ gold: 4, predicted: 4, matched: 3, speakerRight: 1, speakerWrong: 1, speakerNone: 1 });
  });
});

describe('judgeSpeaker on real annotations (tests/fixtures/quotes-dev, ANT)', () => {
  const golds = articles.flatMap((a) => a.gold.quotes.map((g, i) => [`${a.name} #${i}`, g.speaker_any] as const));

  it('loads both articles', () => {
    expect(articles.map((a) => a.name)).toEqual(['BB-middleEast-337-20180412', 'FR-middleEast-129-20180310']);
  });

  it.each(golds)('%s: each accepted form is right, a verb before it is wrong, nothing is none', (_id, forms) => {
    for (const form of forms) expect(judgeSpeaker(form, forms)).toBe('right');
    expect(judgeSpeaker(`وقال ${forms[0]}`, forms)).toBe('wrong');
    expect(judgeSpeaker(null, forms)).toBe('none');
  });

  it('rejects the role of a named speaker (المتحدث باسم الخارجية الإثيوبية for ملس ألم)', () => {
    const forms = articles[0]!.gold.quotes[0]!.speaker_any;
    expect(forms[0]).toBe('ملس ألم');
    expect(judgeSpeaker('المتحدث باسم الخارجية الإثيوبية', forms)).toBe('wrong');
  });
});
