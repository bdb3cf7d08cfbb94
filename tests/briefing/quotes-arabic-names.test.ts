import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { parseArabicPhrase } from '../../src/briefing/quote-parts/packs/ar/phrase';
import { tokenize } from '../../src/briefing/quote-parts/tokens';

/**
 * Where an Arabic role ends and the name starts (issue 11): each row is a
 * speaker phrase as news writes it after the verb, or a short article, with
 * the role and name (or speaker) wanted.
 */
function speakerOf(article: string, quoteStart: string): string | null | undefined {
  const quote = createBriefing(article, { language: 'ar' }).quotes.find((q) => q.text.startsWith(quoteStart));
  return quote === undefined ? undefined : quote.speaker;
}

describe('Arabic phrases: a role naming its club, company or city ends before a first and last name', () => {
  it.each<[string, { name?: string; role?: string }]>([
    ['مدرب أرسنال أوناي إيمري', { role: 'مدرب أرسنال', name: 'أوناي إيمري' }],
    ['رئيس شركة أمازون جيف بيزوس', { role: 'رئيس شركة أمازون', name: 'جيف بيزوس' }],
    ['قائد شرطة مانشستر إيان هوبكنز', { role: 'قائد شرطة مانشستر', name: 'إيان هوبكنز' }],
    ['المدعي العام في مدينة تبريز رضا رحيمي', { role: 'المدعي العام في مدينة تبريز', name: 'رضا رحيمي' }],
    // One word after the construct is still its last noun (the airport's name), not a name.
    ['مدير مطار تشوك', { role: 'مدير مطار تشوك' }],
    ['مدير مطار تشوك، جيمي إميليو،', { role: 'مدير مطار تشوك', name: 'جيمي إميليو' }],
    ['رئيس وزراء بريطانيا تيريزا ماي', { role: 'رئيس وزراء بريطانيا', name: 'تيريزا ماي' }],
  ])('%s', (text, want) => {
    expect(parseArabicPhrase(tokenize(text))).toEqual(want);
  });

  it.each<[string, string, string, string | null]>([
    ['a coach of a club, then first and last name',
      'عنوان الخبر\n\nوقال مدرب تشيلسي ماوريسيو ساري للصحفيين: "لم نلعب بالشكل الذي نريده في الشوط الثاني".',
      'لم نلعب', 'ماوريسيو ساري'],
    ['a company head, then first and last name',
      'عنوان الخبر\n\nوقال مؤسس شركة مايكروسوفت بيل غيتس إن "التجارة الحرة مفيدة للجميع في هذا العالم".',
      'التجارة الحرة', 'بيل غيتس'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic phrases: a role with a possessive suffix (رئيسها، محاميه) is a whole role, the name follows', () => {
  it.each<[string, { name?: string; role?: string }]>([
    ['رئيسها التنفيذي ساتيا ناديلا', { role: 'رئيسها التنفيذي', name: 'ساتيا ناديلا' }],
    ['محاميه جون داود', { role: 'محاميه', name: 'جون داود' }],
    ['مدربها خوان كارلوس أوسوريو', { role: 'مدربها', name: 'خوان كارلوس أوسوريو' }],
    ['زعيمه جيريمي كوربين', { role: 'زعيمه', name: 'جيريمي كوربين' }],
    ['أمينها العام ينس ستولتنبرغ', { role: 'أمينها العام', name: 'ينس ستولتنبرغ' }],
    // ة, not the suffix ه: a woman's role, its complement follows.
    ['زعيمة حزب العمال', { role: 'زعيمة حزب العمال' }],
  ])('%s', (text, want) => {
    expect(parseArabicPhrase(tokenize(text))).toEqual(want);
  });

  it.each<[string, string, string, string | null]>([
    ['a company head named after the possessive role',
      'عنوان الخبر\n\nأعلنت شركة مايكروسوفت عن أرباح قياسية. وقال رئيسها التنفيذي ساتيا ناديلا إن "الحوسبة السحابية تقود نمونا في كل الأسواق".',
      'الحوسبة السحابية', 'ساتيا ناديلا'],
    ['a lawyer named after the possessive role',
      'عنوان الخبر\n\nمثل المتهم أمام المحكمة أمس. وقالت محاميته سارة ليبمان: "موكلي بريء من كل التهم الموجهة إليه".',
      'موكلي بريء', 'سارة ليبمان'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic phrases: a compound given name (… الدين، … الإسلام) goes on to the family name', () => {
  it.each<[string, { name?: string; role?: string }]>([
    ['وزير الخارجية التركي نور الدين جانيكلي', { role: 'وزير الخارجية التركي', name: 'نور الدين جانيكلي' }],
    ['المدرب الفرنسي زين الدين زيدان', { role: 'المدرب الفرنسي', name: 'زين الدين زيدان' }],
    ['سيف الإسلام القذافي', { name: 'سيف الإسلام القذافي' }],
    // The compound name alone, then the rest of the clause.
    ['صلاح الدين في مؤتمر صحفي', { name: 'صلاح الدين' }],
  ])('%s', (text, want) => {
    expect(parseArabicPhrase(tokenize(text))).toEqual(want);
  });
});

describe('Arabic speakers: a statement said again is its issuer, not someone a later sentence only names', () => {
  it.each<[string, string, string, string | null]>([
    ['a minister named between the statement and its continuation',
      'عنوان الخبر\n\nوقالت وزارة الخارجية الإيرانية في بيان إن "العقوبات الجديدة لن تغير شيئا في سياستنا".\n\nورفض وزير الخارجية الأمريكي مايك بومبيو هذه التصريحات خلال زيارته إلى بروكسل.\n\nوأضاف البيان أن "إيران ستواصل احترام التزاماتها ما دام الآخرون يحترمونها".',
      'إيران ستواصل', 'وزارة الخارجية الإيرانية'],
    ['a party leader named between, the party\'s statement goes on',
      'عنوان الخبر\n\nوقال حزب العمال في بيان إن "الحكومة فشلت في حماية الخدمات العامة".\n\nوزار زعيم الحزب جيريمي كوربين مستشفى في لندن صباح اليوم.\n\nوتابع البيان: "لن نقبل بمزيد من التقشف على حساب المرضى".',
      'لن نقبل', 'حزب العمال'],
    ['a statement after a sentence that only names someone, with nobody speaking before, names nobody',
      'عنوان الخبر\n\nوزار رئيس الوزراء الفرنسي إدوار فيليب المدينة المنكوبة صباح اليوم.\n\nوأضاف البيان أن "فرق الإنقاذ تعمل بلا توقف منذ يومين".',
      'فرق الإنقاذ', null],
    ['a statement after reported speech is still its speaker\'s',
      'عنوان الخبر\n\nوأكد وزير الداخلية الألماني هورست زيهوفر أن الحدود ستبقى مفتوحة.\n\nوأضاف البيان أن "الإجراءات الجديدة مؤقتة ولن تدوم طويلا".',
      'الإجراءات الجديدة', 'هورست زيهوفر'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: an institution named in quotation marks is the antecedent of التي / الذي', () => {
  it.each<[string, string, string, string | null]>([
    ['a charity in marks with an adjective, then التي تقول',
      'عنوان الخبر\n\nوقال وزير التنمية أحمد سالم إن "المساعدات تصل إلى كل المحافظات دون استثناء".\n\nمن جهتها، انتقدت الخطة منظمة "أوكسفام" الخيرية التي تقول إن "ملايين الأسر ما زالت بلا غذاء كاف".',
      'ملايين الأسر', 'منظمة أوكسفام'],
    ['a party in marks, then الذي أعلن',
      'عنوان الخبر\n\nوقالت رئيسة الحكومة إن "الإصلاحات ستستمر رغم كل الصعوبات".\n\nورفض القرار حزب "العدالة الاجتماعية" الذي أعلن أن "الحكومة تجاهلت مطالب العمال مرة أخرى".',
      'الحكومة تجاهلت', 'حزب العدالة الاجتماعية'],
    ['the party is the complement of a role before it: the antecedent is the role\'s holder, not the party',
      'عنوان الخبر\n\nوقال رئيس حزب "العدالة الاجتماعية" كمال يوسف، الذي يرى أن القانون يمثل "خطرا على الحريات العامة في البلاد".',
      'خطرا على', 'كمال يوسف'],
    ['the relative\'s verb takes the antecedent as its object (التي تعتبرها): the sentence\'s speaker speaks',
      'عنوان الخبر\n\nوقالت وزارة الداخلية إن القتلى ينتمون إلى حركة النصر الشعبية التي تعتبرها "الذراع العسكرية لتنظيم محظور".',
      'الذراع العسكرية', 'وزارة الداخلية'],
    ['the relative clause with an object pronoun is skipped: the speaker is the subject before it',
      'عنوان الخبر\n\nأما الأمين العام لحزب العمل سمير فارس فرأى أن الشروط التي أقرها البرلمان "ظالمة وتقصي كل المرشحين المستقلين".',
      'ظالمة وتقصي', 'سمير فارس'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});
