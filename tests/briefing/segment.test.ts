import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/briefing/segment';
import type { Language } from '../../src/briefing/schema';

describe('splitSentences', () => {
  it.each<[string, Language, string, string[]]>([
    ['Arabic full stops', 'ar', 'وصل الوزير. وعقد اجتماعا.', ['وصل الوزير.', 'وعقد اجتماعا.']],
    ['Arabic question mark ends a sentence', 'ar', 'هل تنجح الخطة؟ يرى الخبراء ذلك.', ['هل تنجح الخطة؟', 'يرى الخبراء ذلك.']],
    ['Arabic comma and semicolon do not', 'ar', 'وصل الوزير، وعقد اجتماعا؛ ثم غادر.', ['وصل الوزير، وعقد اجتماعا؛ ثم غادر.']],
    ['a period glued between Arabic words', 'ar', 'وصل الوزير الأربعاء.وقال إنه سعيد.', ['وصل الوزير الأربعاء.', 'وقال إنه سعيد.']],
    ['a site name written in Arabic', 'ar', 'قام بيت.كوم بإجراء استبيان واسع. وكشف أن 93% راضون.', ['قام بيت.كوم بإجراء استبيان واسع.', 'وكشف أن 93% راضون.']],
    ['a quotation holding two sentences (guillemets)', 'ar', 'قال: «لن نتراجع. سنواصل». وأضاف أنه متفائل.', ['قال: «لن نتراجع. سنواصل».', 'وأضاف أنه متفائل.']],
    ['a quotation holding two sentences (curly)', 'ar', 'وقال إن “الخطة جاهزة. سنبدأ غدا”. وتابع حديثه.', ['وقال إن “الخطة جاهزة. سنبدأ غدا”.', 'وتابع حديثه.']],
    ['a quotation holding two sentences (ASCII)', 'en', 'He said "We will fight. We will win." Then he left.', ['He said "We will fight. We will win."', 'Then he left.']],
    ['the doctor abbreviation د.', 'ar', 'وقال د. أحمد سمير إن الوضع مستقر.', ['وقال د. أحمد سمير إن الوضع مستقر.']],
    ['the professor abbreviation أ.د.', 'ar', 'وأكد أ.د. محمد علي أن النتائج مبشرة.', ['وأكد أ.د. محمد علي أن النتائج مبشرة.']],
    ['the engineer abbreviation م.', 'ar', 'وأشرف م. خالد على المشروع.', ['وأشرف م. خالد على المشروع.']],
    ['Dr. and Mr.', 'en', 'Dr. Smith met Mr. Jones. They talked.', ['Dr. Smith met Mr. Jones.', 'They talked.']],
    ['Mrs. and St.', 'en', 'Mrs. Lee lives on St. James Street. She is 90.', ['Mrs. Lee lives on St. James Street.', 'She is 90.']],
    ['U.S. mid-sentence', 'en', 'The U.S. Army arrived. It stayed.', ['The U.S. Army arrived.', 'It stayed.']],
    ['U.S. at the end of a sentence', 'en', 'He moved to the U.S. The move was hard.', ['He moved to the U.S.', 'The move was hard.']],
    ['U.K. and e.g.', 'en', 'Some U.K. firms, e.g. banks, left. Others stayed.', ['Some U.K. firms, e.g. banks, left.', 'Others stayed.']],
    ['single initials', 'en', 'The book by J. K. Rowling sold well. It was a hit.', ['The book by J. K. Rowling sold well.', 'It was a hit.']],
    ['etc. mid-sentence', 'en', 'They sold apples, pears, etc. at the market. Prices rose.', ['They sold apples, pears, etc. at the market.', 'Prices rose.']],
    ['French M. and Mme', 'fr', 'M. Macron a reçu Mme Merkel. Ils ont parlé.', ['M. Macron a reçu Mme Merkel.', 'Ils ont parlé.']],
    ['No. before a number', 'en', 'He lives at No. 10 Downing Street. It is old.', ['He lives at No. 10 Downing Street.', 'It is old.']],
    ['no, me and art at the end of a sentence', 'en', 'She said no. They told me. He loves art. The end.', ['She said no.', 'They told me.', 'He loves art.', 'The end.']],
    ['et al.', 'en', 'Smith et al. found a link. Others did not.', ['Smith et al. found a link.', 'Others did not.']],
    ['decimals', 'en', 'Growth was 3.5 percent. It rose.', ['Growth was 3.5 percent.', 'It rose.']],
    ['Arabic decimals', 'ar', 'بلغ النمو ٣٫٥ في المئة. وارتفع التضخم.', ['بلغ النمو ٣٫٥ في المئة.', 'وارتفع التضخم.']],
    ['an ellipsis mid-sentence', 'en', 'He paused... and then spoke. Everyone listened.', ['He paused... and then spoke.', 'Everyone listened.']],
    ['a Unicode ellipsis mid-sentence (ar)', 'ar', 'هناك أشياء يمكننا التحدث عنها… بموجب القواعد. وهذا مهم.', ['هناك أشياء يمكننا التحدث عنها… بموجب القواعد.', 'وهذا مهم.']],
    ['a double period used as a pause (ar)', 'ar', '"سيرون".. بهذه الكلمة أنهى الملك حديثه. وغادر القاعة.', ['"سيرون".. بهذه الكلمة أنهى الملك حديثه.', 'وغادر القاعة.']],
    ['a question inside a quote followed by a verb', 'en', '"Are you coming?" she asked. He nodded.', ['"Are you coming?" she asked.', 'He nodded.']],
    ['French guillemets with spaces', 'fr', '« Nous ne reculerons pas. Jamais », a-t-il dit. Le public a applaudi.', ['« Nous ne reculerons pas. Jamais », a-t-il dit.', 'Le public a applaudi.']],
  ])('%s', (_name, language, paragraph, sentences) => {
    expect(splitSentences(paragraph, language)).toEqual(sentences);
  });

  it.each([
    ['an opening mark that never closes', '“هناك قيود معينة. وتلتزم روسيا بكل هذه القيود. وقال الرئيس إن الأمر محسوم.', 3],
    ['a stray ASCII quote', 'He said "we will see. Nobody knows. The vote is on Friday.', 3],
    ['two opening marks before one closing mark (the seed)', '“هناك قيود معينة. وتلتزم روسيا بكل هذه القيود. وقال الرئيس الروسي: “لكن هناك أشياء يمكننا التحدث عنها… بموجب القواعد الحالية”.', 3],
  ])('does not let %s swallow the paragraph', (_name, paragraph, count) => {
    expect(splitSentences(paragraph, 'ar')).toHaveLength(count);
  });

  it('gives up on a quotation longer than the bound', () => {
    const long = `«${'كلمة طويلة جدا. '.repeat(200)}»`;
    expect(splitSentences(long, 'ar').length).toBeGreaterThan(100);
  });

  it.each([
    ['empty', '', []],
    ['spaces only', '   ', []],
    ['no punctuation', 'just some words', ['just some words']],
    ['punctuation only', '...!?', ['...!?']],
  ])('handles %s input', (_name, paragraph, sentences) => {
    expect(splitSentences(paragraph, 'en')).toEqual(sentences);
  });

  it('loses no text: the sentences joined give back the paragraph', () => {
    const paragraph = 'Dr. Smith arrived. «لن نتراجع. سنواصل» قال. "Yes?" he asked. Done… Next one.';
    expect(splitSentences(paragraph, 'other').join(' ')).toBe(paragraph);
  });
});
