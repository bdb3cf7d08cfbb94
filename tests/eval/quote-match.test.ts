import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/briefing/schema';
import { addCounts, matchQuotes, overlapF1, quoteMetrics, speakerMatches } from '../../eval/quote-match';

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

describe('speakerMatches', () => {
  it.each([
    ['same name', ['سيرغي لافروف'], ['سيرغي لافروف'], true],
    ['surname only', ['لافروف'], ['سيرغي لافروف'], true],
    ['name with role', ['Russian President Vladimir Putin'], ['Vladimir Putin'], true],
    ['role in speakerRole', [null, 'المتحدثة باسم وزارة الخارجية الروسية'], ['المتحدثة باسم وزارة الخارجية الروسية'], true],
    ['alef and ة differences', ['اسامه'], ['أسامة'], true],
    ['French accents ignored in case only', ['clément beaune'], ['Clément Beaune'], true],
    ['another person', ['Ben Ortiz'], ['Priya Raman'], false],
    ['missing speaker', [null], ['Sophie Binet'], false],
    ['no speaker expected and none given', [null, undefined], [], true],
    ['no speaker expected but one given', ['Karim'], [], false],
  ])('%s', (_name, predicted, accepted, expected) => {
    expect(speakerMatches(predicted, accepted)).toBe(expected);
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
    expect(result).toMatchObject({ gold: 3, predicted: 4, matched: 3, speakerCorrect: 2, missed: [], spurious: ['historique'] });
    expect(result.wrongSpeaker).toEqual([{ text: gold.quotes[1]!.text, expected: ['Clément Beaune'], got: 'Sophie Binet' }]);
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
    ['typical', { gold: 10, predicted: 8, matched: 6, speakerCorrect: 3 }, { precision: 0.75, recall: 0.6, f1: 2 / 3, speakerAccuracy: 0.5 }],
    ['nothing predicted', { gold: 4, predicted: 0, matched: 0, speakerCorrect: 0 }, { precision: 0, recall: 0, f1: 0, speakerAccuracy: 0 }],
  ])('%s', (_name, counts, expected) => {
    const m = quoteMetrics(counts);
    for (const [k, v] of Object.entries(expected)) expect(m[k as keyof typeof m]).toBeCloseTo(v, 12);
  });

  it('sums counts', () => {
    expect(addCounts({ gold: 1, predicted: 2, matched: 1, speakerCorrect: 1 }, { gold: 3, predicted: 1, matched: 1, speakerCorrect: 0 })).toEqual({ gold: 4, predicted: 3, matched: 2, speakerCorrect: 1 });
  });
});
