import { describe, expect, it } from 'vitest';
import { tokenize } from '../../eval/normalize';
import { lcsLength, meanScores, multiReferenceRouge, ngramCounts, rougeL, rougeN, rougeScores } from '../../eval/rouge';

const t = (s: string): string[] => s.split(' ').filter(Boolean);

describe('rougeN (hand-computed)', () => {
  it.each([
    // 5 of 6 unigrams shared (the×2, cat, on, mat): P = R = 5/6.
    ['ROUGE-1, one word differs', 'the cat sat on the mat', 'the cat is on the mat', 1, 5 / 6, 5 / 6],
    // bigrams: the cat, on the, the mat shared out of 5 each.
    ['ROUGE-2, one word differs', 'the cat sat on the mat', 'the cat is on the mat', 2, 3 / 5, 3 / 5],
    ['ROUGE-1, candidate shorter', 'a b c', 'a b c d e', 1, 1, 3 / 5],
    ['ROUGE-2, candidate shorter', 'a b c', 'a b c d e', 2, 1, 2 / 4],
    // counts are clipped: "the" counts once.
    ['ROUGE-1 clips repeated words', 'the the the', 'the cat', 1, 1 / 3, 1 / 2],
    ['no overlap', 'a b', 'c d', 1, 0, 0],
    ['empty candidate', '', 'a b', 1, 0, 0],
    ['candidate shorter than n', 'a', 'a b', 2, 0, 0],
  ])('%s', (_name, cand, ref, n, p, r) => {
    const score = rougeN(t(cand), t(ref), n);
    expect(score.p).toBeCloseTo(p, 12);
    expect(score.r).toBeCloseTo(r, 12);
    expect(score.f).toBeCloseTo(p + r > 0 ? (2 * p * r) / (p + r) : 0, 12);
  });

  it('counts n-grams as a multiset', () => {
    expect([...ngramCounts(t('a b a b'), 2)]).toEqual([['a b', 2], ['b a', 1]]);
  });
});

describe('ROUGE-L', () => {
  it.each([
    ['classic example', 'a b c b d a b', 'b d c a b a', 4],
    ['identical', 'x y z', 'x y z', 3],
    ['disjoint', 'x y', 'z w', 0],
    ['empty', '', 'a', 0],
  ])('LCS of %s', (_name, a, b, expected) => {
    expect(lcsLength(t(a), t(b))).toBe(expected);
    expect(lcsLength(t(b), t(a))).toBe(expected);
  });

  it('F1 of "the cat sat on the mat" vs "the cat is on the mat" is 5/6', () => {
    expect(rougeL(t('the cat sat on the mat'), t('the cat is on the mat')).f).toBeCloseTo(5 / 6, 12);
  });
});

describe('ROUGE on normalised Arabic, English and French', () => {
  it.each([
    ['Arabic: diacritics, hamza forms and ة/ى differ only in spelling', 'قَالَ الرئيسُ إنّ السلامَ ممكنٌ في المنطقة على الأرجح', 'قال الرئيس ان السلام ممكن في المنطقه علي الارجح', 1, 1, 1],
    ['Arabic: tatweel and alef madda', 'الســلام آتٍ', 'السلام اتٍ', 1, 1, 1],
    // 3 of 4 words shared, bigrams 2 of 3 shared (Arabic); French: été ≠ ete, so 1 of 3 bigrams.
    ['Arabic: one word differs', 'أعلن الوزير خطة جديدة', 'اعلن الوزير خطه قديمه', 3 / 4, 2 / 3, 3 / 4],
    ['English: case and punctuation ignored', 'The Mayor said: "No."', 'the mayor said no', 1, 1, 1],
    ['French: accents kept, elision split', "L'été sera chaud", "l'ete sera chaud", 3 / 4, 1 / 3, 3 / 4],
  ])('%s', (_name, cand, ref, r1, r2, rl) => {
    const s = rougeScores(tokenize(cand), tokenize(ref));
    expect(s.rouge1).toBeCloseTo(r1, 12);
    expect(s.rouge2).toBeCloseTo(r2, 12);
    expect(s.rougeL).toBeCloseTo(rl, 12);
  });
});

describe('several references', () => {
  it('averages F1 over the references', () => {
    const s = multiReferenceRouge(t('a b'), [t('a b'), t('c d')]);
    expect(s).toEqual({ rouge1: 0.5, rouge2: 0.5, rougeL: 0.5 });
  });

  it('averages score sets, zeros for none', () => {
    expect(meanScores([{ rouge1: 1, rouge2: 0.5, rougeL: 0 }, { rouge1: 0, rouge2: 0.5, rougeL: 1 }])).toEqual({ rouge1: 0.5, rouge2: 0.5, rougeL: 0.5 });
    expect(meanScores([])).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });
});
