import { describe, expect, it } from 'vitest';
import { leadSummary, oracleSummary } from '../../eval/baselines';
import { tokenize } from '../../eval/normalize';
import { splitSentences } from '../../eval/sentences';

const sentences = (texts: string[]) => texts.map((text) => ({ text, tokens: tokenize(text) }));

describe('splitSentences', () => {
  it.each([
    ['Arabic full stops and question marks', 'وصل الوزير. هل ينجح؟ نعم.', ['وصل الوزير.', 'هل ينجح؟', 'نعم.']],
    ['decimals do not split', 'بلغ النمو 3.2 في المئة. وارتفع.', ['بلغ النمو 3.2 في المئة.', 'وارتفع.']],
    ['closing quote stays with its sentence', 'He said: "We won." Then he left.', ['He said: "We won."', 'Then he left.']],
    ['lines are paragraphs', 'Première phrase\nDeuxième phrase.', ['Première phrase', 'Deuxième phrase.']],
    ['empty text', '  \n ', []],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('leadSummary', () => {
  const s = sentences(['one two three.', 'four five.', 'six seven eight nine.', 'ten.']);
  it.each([
    ['takes whole sentences within the budget', 5, ['one two three.', 'four five.']],
    ['stops at the first sentence that does not fit', 6, ['one two three.', 'four five.']],
    ['always keeps the first sentence', 2, ['one two three.']],
    ['everything under a large budget', 100, ['one two three.', 'four five.', 'six seven eight nine.', 'ten.']],
  ])('%s', (_name, budget, expected) => {
    expect(leadSummary(s, budget).map((x) => x.text)).toEqual(expected);
  });
});

describe('oracleSummary', () => {
  it.each([
    ['picks the sentence that is the reference', ['قال الوزير كلاما عاما.', 'أعلنت الحكومة خطة جديدة للمياه.', 'وانتهى الاجتماع.'], ['اعلنت الحكومه خطه جديده للمياه'], 6, ['أعلنت الحكومة خطة جديدة للمياه.']],
    ['adds a second sentence when it raises the score', ['the mayor spoke.', 'taxes will not rise.', 'the weather was fine.'], ['the mayor spoke taxes will not rise'], 7, ['the mayor spoke.', 'taxes will not rise.']],
    ['respects the budget', ['a b c d.', 'e f.'], ['a b c d e f'], 4, ['a b c d.']],
    ['returns article order', ['x y.', 'p q r.'], ['p q r x y'], 10, ['x y.', 'p q r.']],
    ['nothing when nothing overlaps', ['a.', 'b.'], ['z'], 10, []],
  ])('%s', (_name, texts, refs, budget, expected) => {
    const out = oracleSummary(sentences(texts), refs.map(tokenize), budget);
    expect(out.map((x) => x.text)).toEqual(expected);
  });
});
