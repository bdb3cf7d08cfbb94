import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from '../../eval/normalize';

describe('normalizeText', () => {
  it.each([
    ['removes diacritics', 'قَالَ الرَّئِيسُ', 'قال الرئيس'],
    ['removes tatweel', 'الســــلام', 'السلام'],
    ['folds alef forms', 'أإآٱ', 'اااا'],
    ['ى → ي', 'على مستوى', 'علي مستوي'],
    ['ة → ه', 'مدرسة جديدة', 'مدرسه جديده'],
    ['Arabic-Indic digits → ASCII', '٢٠٢٤ و۱۹', '2024 و19'],
    ['presentation forms (NFKC)', 'ﻻ', 'لا'],
    ['lower-cases Latin, keeps accents', 'Élysée PARIS', 'élysée paris'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it.each([
    ['Arabic words with punctuation', 'قال لافروف: «روسيا، ملتزمة».', ['قال', 'لافروف', 'روسيا', 'ملتزمه']],
    ['diacritics never split a word', 'عَمَلاً', ['عملا']],
    ['English', 'The mayor said: "No!"', ['the', 'mayor', 'said', 'no']],
    ['French elision and accents', 'L’Économie, c’est 2024 !', ['l', 'économie', 'c', 'est', '2024']],
    ['numbers split at decimal points', '2.75 في المئة', ['2', '75', 'في', 'المئه']],
    ['empty and symbol-only input', ' — … « » ', []],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });
});
