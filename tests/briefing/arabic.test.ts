import { describe, expect, it } from 'vitest';
import { normalizeArabic, stripArabicPrefixes } from '../../src/briefing/arabic';
import { contentTokens, countWords } from '../../src/briefing/tokens';

describe('normalizeArabic', () => {
  it.each([
    ['diacritics', 'مُحَمَّدٌ', 'محمد'],
    ['tatweel', 'مـــصر', 'مصر'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إسلام', 'اسلام'],
    ['alef madda', 'آخر', 'اخر'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['alef maqsura', 'مصطفى', 'مصطفي'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['Latin text untouched', 'Élisabeth Borne', 'Élisabeth Borne'],
    ['mixed', 'وزارةُ الخارجيّة في “إيران”', 'وزاره الخارجيه في “ايران”'],
  ])('folds %s', (_name, input, output) => {
    expect(normalizeArabic(input)).toBe(output);
  });
});

describe('stripArabicPrefixes', () => {
  it.each([
    ['ال', 'المدرسه', 'مدرسه'],
    ['وال', 'والمدرسه', 'مدرسه'],
    ['بال', 'بالقلم', 'قلم'],
    ['كال', 'كالبحر', 'بحر'],
    ['فال', 'فالامر', 'امر'],
    ['لل', 'للعالم', 'عالم'],
    ['و', 'وقال', 'قال'],
    ['ف', 'فقال', 'قال'],
    ['ب', 'بقلم', 'قلم'],
    ['ل', 'لمصر', 'مصر'],
  ])('strips %s', (_prefix, word, stem) => {
    expect(stripArabicPrefixes(word)).toBe(stem);
  });

  it.each([
    ['a short word', 'بعد'],
    ['a two-letter word', 'ال'],
    ['a word without prefix', 'مصر'],
    ['a Latin word', 'london'],
  ])('leaves %s alone', (_name, word) => {
    expect(stripArabicPrefixes(word)).toBe(word);
  });
});

describe('contentTokens', () => {
  it.each([
    ['ar', 'وقال الوزير إن الحكومة في المدرسة', ['وزير', 'حكومه', 'مدرسه']],
    ['en', 'The ministers said that the talks were useful', ['minister', 'talk', 'useful']],
    ['fr', "Le ministre a déclaré que l'accord était utile", ['ministre', 'accord', 'utile']],
  ] as const)('keeps content words only (%s)', (language, sentence, tokens) => {
    expect(contentTokens(sentence, language)).toEqual(tokens);
  });

  it.each([
    ['', 0],
    ['one', 1],
    ['  two  words ', 2],
    ['وصل الوزير إلى العاصمة', 4],
  ])('countWords(%j) = %i', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});
