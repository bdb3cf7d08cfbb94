import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../src/briefing/quote-parts/marks';

type Row = [label: string, paragraph: string, spans: [text: string, closed: boolean][]];

const rows: Row[] = [
  ['curly quotes, English', 'She said: “We will win.” Then she left.', [['We will win.', true]]],
  ['guillemets with spaces, French', '« Nous ne reculerons pas », a déclaré le maire.', [['Nous ne reculerons pas', true]]],
  ['guillemets, Arabic', 'وقال الوزير: «لن نتراجع. سنواصل العمل».', [['لن نتراجع. سنواصل العمل', true]]],
  ['ASCII quotes, Arabic, glued to a prefix', 'ووصفت الوزارة الخطوة بـ"الكارثة" وقالت :"هل سيتم التأجيل؟".', [['الكارثة', true], ['هل سيتم التأجيل؟', true]]],
  ['ASCII quotes back to back with و', 'منطقتي "توشكى"و"خورقندي" للبيع', [['توشكى', true], ['خورقندي', true]]],
  ['ASCII quotes with spaces inside', 'وقال " نحن هنا " ثم غادر', [['نحن هنا', true]]],
  ['low-high German quotes', '„Wir schaffen das“, sagte sie.', [['Wir schaffen das', true]]],
  ['single angle quotes', '‹Bonjour tout le monde›, dit-il.', [['Bonjour tout le monde', true]]],
  ['single quotes as quotation, apostrophes ignored', "He said 'we don't know' and left.", [["we don't know", true]]],
  ['typographic apostrophes are not quotes', 'L’État n’a pas répondu, dit l’avocat.', []],
  ["a plural possessive is not a closer", "The students' union met on Monday.", []],
  ['nested single quotes stay inside the outer quote', 'She said: “I told him ‘no’ twice.”', [['I told him ‘no’ twice.', true]]],
  ['nested guillemets', '« Il m’a dit « jamais » hier », raconte-t-elle.', [['Il m’a dit « jamais » hier', true]]],
  ['the same curly opener nested, with enough closers', 'قال: “نرفض “صفقة القرن” بشكل قاطع”.', [['نرفض “صفقة القرن” بشكل قاطع', true]]],
  ['re-opened before closing: the first quote ends at its last sentence (the seed)',
    '“هناك قيود معينة. وتلتزم روسيا بكل هذه القيود. وقال الرئيس الروسي: “لكن هناك أشياء يمكننا التحدث عنها”.',
    [['هناك قيود معينة. وتلتزم روسيا بكل هذه القيود.', false], ['لكن هناك أشياء يمكننا التحدث عنها', true]]],
  ['unterminated at the end of the paragraph', 'وقال المدير: "سنضاعف الإنتاج خلال العامين', [['سنضاعف الإنتاج خلال العامين', false]]],
  ['an unterminated single quote makes no span', "It was the '90s and nobody cared.", []],
  ['a stray closer is ignored', 'Nothing here” at all.', []],
  ['no marks', 'لا توجد علامات اقتباس هنا.', []],
  ['reversed curly pairs ”…“, Arabic', 'وقال ترودو ”نحن لن نتراجع عن مواقفنا“ وأضاف ”سندافع عن عمالنا دائما“.', [['نحن لن نتراجع عن مواقفنا', true], ['سندافع عن عمالنا دائما', true]]],
  ['reversed curly pair ”…“, English', 'He said ”we will not back down“ and left.', [['we will not back down', true]]],
  ['ASCII opener closed by “, Arabic', 'وأضاف: "لقد تعرضنا للإساءة التجارية. وهذه مدة طويلة بما فيه الكفاية“.', [['لقد تعرضنا للإساءة التجارية. وهذه مدة طويلة بما فيه الكفاية', true]]],
  ['ASCII opener closed by ”, French', 'Il a dit "nous sommes prêts” puis il est parti.', [['nous sommes prêts', true]]],
];

describe('findQuotations', () => {
  it.each(rows)('%s', (_label, paragraph, want) => {
    const spans = findQuotations(paragraph);
    expect(spans.map((s) => [s.text, s.closed])).toEqual(want);
    for (const s of spans) {
      expect(s.open).toBeGreaterThanOrEqual(0);
      expect(s.close).toBeLessThanOrEqual(paragraph.length);
      expect(s.close).toBeGreaterThan(s.open);
    }
  });

  it('stops after the requested number of quotations', () => {
    expect(findQuotations('"a" "b" "c" "d"', 2)).toHaveLength(2);
  });
});
