import { describe, expect, it } from 'vitest';
import type { EascArticle } from '../../eval/easc';
import { evaluateArticle, evaluateSummaries } from '../../eval/summaries';

const article: EascArticle = {
  topic: 1,
  name: 'a.txt',
  text: 'جملة تمهيدية لا تهم أحدا.\nأعلنت الحكومة خطة جديدة للمياه.\nوانتهى الاجتماع مساء.',
  references: ['أعلنت الحكومة خطة جديدة للمياه.', 'اعلنت الحكومه خطه جديده للمياه.'],
};

describe('evaluateArticle', () => {
  it('scores every system under the mean reference length', () => {
    const result = evaluateArticle(article, { ours: (_text, words) => (words === 5 ? ['أعلنت الحكومة خطة جديدة للمياه.'] : []), summaryAlone: () => ['وانتهى الاجتماع مساء.'] });
    expect(result.budget).toBe(5);
    expect(result.scores.ours).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1, words: 5 });
    expect(result.scores.summaryAlone).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, words: 3 });
    expect(result.scores.oracle.rouge1).toBe(1);
    expect(result.scores.lead.words).toBe(5);
    expect(result.scores.lead.rouge1).toBe(0);
    expect(result.scores.leadCut.words).toBe(5);
  });

  it('scores LEAD and ORACLE after the first sentence, for the summary field alone', () => {
    const result = evaluateArticle(article, { ours: () => [], summaryAlone: () => [] });
    expect(result.scores.leadAfterFirst).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1, words: 5 });
    expect(result.scores.oracleAfterFirst).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1, words: 5 });
    const single = evaluateArticle({ ...article, text: 'أعلنت الحكومة خطة جديدة للمياه.' }, { ours: () => [], summaryAlone: () => [] });
    expect(single.scores.lead.rouge1).toBe(1);
    expect(single.scores.leadAfterFirst).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, words: 0 });
  });

  it('cuts the classic LEAD baseline at exactly the budget, mid-sentence', () => {
    const long = { ...article, references: ['جملة تمهيدية لا تهم أحدا أعلنت الحكومة'] };
    const result = evaluateArticle(long, { ours: () => [], summaryAlone: () => [] });
    expect(result.budget).toBe(7);
    expect(result.scores.leadCut).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1, words: 7 });
    expect(result.scores.lead.words).toBe(5);
  });

  it('gives zeros to an empty summary', () => {
    expect(evaluateArticle(article, { ours: () => [], summaryAlone: () => [] }).scores.ours).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, words: 0 });
  });
});

describe('evaluateSummaries', () => {
  it('averages over articles and counts wins over LEAD', () => {
    const progress: number[] = [];
    const first = (text: string): string[] => [text.split('\n')[0]!];
    const second = (text: string): string[] => [text.split('\n')[1]!];
    const e = evaluateSummaries([article, { ...article, topic: 2 }], { ours: first, summaryAlone: second }, (d) => progress.push(d));
    expect(e.articles).toBe(2);
    expect(e.meanBudget).toBe(5);
    expect(e.systems.ours.rouge1).toBe(e.systems.lead.rouge1);
    expect(e.oursBeatsLead).toEqual({ rouge1: 0, rouge2: 0 });
    expect(e.summaryAloneBeatsLead).toEqual({ rouge1: 2, rouge2: 2 });
    expect(e.systems.summaryAlone.rouge1).toBe(1);
    expect(progress).toEqual([1, 2]);
  });

  it('averages the tuned half (odd topics) and the held-out half (even topics) apart', () => {
    const second = (text: string): string[] => [text.split('\n')[1]!];
    const systems = { ours: second, summaryAlone: second };
    const other: EascArticle = { ...article, topic: 2, references: ['وانتهى الاجتماع مساء.'] };
    const odd = [article, { ...article, topic: 3 }];
    const e = evaluateSummaries([odd[0]!, other, odd[1]!], systems);
    expect(e.halves.tuned).toEqual(evaluateSummaries(odd, systems).systems);
    expect(e.halves.heldOut).toEqual(evaluateSummaries([other], systems).systems);
    expect(e.halves.tuned.ours.rouge1).toBe(1);
    expect(e.halves.heldOut.ours.rouge1).toBe(0);
  });
});
