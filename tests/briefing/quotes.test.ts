import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/briefing/arabic';
import { extractQuotes } from '../../src/briefing/quotes';
import type { Language, Quote } from '../../src/briefing/schema';

/** Compare text the way a reader would: normalised letters, single spaces. */
const norm = (text: string): string => normalizeArabic(text).replace(/\s+/g, ' ').trim();

interface Want {
  /** A piece of the quote's text. */
  text: string;
  /** A piece of the speaker, or null for "no speaker". */
  speaker: string | null;
  role?: string;
  partial?: boolean;
}

function find(quotes: readonly Quote[], text: string): Quote | undefined {
  return quotes.find((q) => norm(q.text).includes(norm(text)));
}

function check(quotes: readonly Quote[], want: Want): void {
  const q = find(quotes, want.text);
  expect(q, `no quote contains "${want.text}" in ${JSON.stringify(quotes)}`).toBeDefined();
  if (want.speaker === null) expect(q!.speaker).toBeNull();
  else expect(norm(q!.speaker ?? ''), JSON.stringify(q)).toContain(norm(want.speaker));
  if (want.role !== undefined) expect(norm(q!.speakerRole ?? ''), JSON.stringify(q)).toContain(norm(want.role));
  if (want.partial !== undefined) expect(q!.partial, JSON.stringify(q)).toBe(want.partial);
}

type Row = [label: string, language: Language, paragraphs: string[], wants: Want[], absent: string[]];

const arabic: Row[] = [
  ['speaker and role before the quote, with إن', 'ar',
    ['وقال وزير الخارجية المصري سامح شكري إن "مصر لن تقبل بأي مساس بحصتها من مياه النيل تحت أي ظرف".'],
    [{ text: 'مصر لن تقبل بأي مساس', speaker: 'سامح شكري', role: 'وزير الخارجية المصري', partial: false }], []],
  ['colon form and a وأضاف: continuation', 'ar',
    ['وقال المتحدث باسم الجيش أحمد المسماري: "قواتنا تتقدم في كل المحاور بثبات".', 'وأضاف: "لن نتوقف حتى نحرر آخر شبر من الأرض".'],
    [{ text: 'قواتنا تتقدم', speaker: 'أحمد المسماري', role: 'المتحدث باسم الجيش' }, { text: 'لن نتوقف حتى نحرر', speaker: 'أحمد المسماري' }], []],
  ['speaker after the quote: ، قال X', 'ar',
    ['"لقد خسرنا كل شيء في هذه الحرب الطويلة"، قال أبو محمد، وهو نازح من ريف إدلب.'],
    [{ text: 'لقد خسرنا كل شيء', speaker: 'أبو محمد' }], []],
  ['بحسب and وفقا لـ after the quote', 'ar',
    ['وارتفع عدد الضحايا إلى "أكثر من مئة قتيل في يومين فقط"، بحسب وزارة الصحة.', 'وسيستمر الإغلاق "حتى نهاية الشهر المقبل على أقل تقدير"، وفقا لـ مصادر حكومية.'],
    [{ text: 'أكثر من مئة قتيل', speaker: 'وزارة الصحة' }, { text: 'حتى نهاية الشهر المقبل', speaker: 'مصادر حكومية' }], []],
  ['feminine verb continues the last female speaker, not the last speaker', 'ar',
    ['وقالت الناشطة سلمى يوسف إن "النساء يدفعن الثمن الأكبر في هذه الأزمة".', 'وقال المحافظ خالد سعيد إن "الوضع تحت السيطرة تماما الآن".', 'وأضافت: "لا أحد يستمع إلى أصوات الأمهات في المخيمات".'],
    [{ text: 'لا أحد يستمع', speaker: 'سلمى يوسف' }, { text: 'الوضع تحت السيطرة', speaker: 'خالد سعيد' }], []],
  ['role resolved to the name given elsewhere in the article', 'ar',
    ['استقبل الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في باريس.', 'وقال الرئيس الفرنسي: "أوروبا تحتاج إلى وحدة أكبر من أي وقت مضى".'],
    [{ text: 'أوروبا تحتاج إلى وحدة', speaker: 'إيمانويل ماكرون', role: 'الرئيس الفرنسي' }], []],
  ['role kept as the speaker when the article never names the person', 'ar',
    ['وقالت المتحدثة باسم وزارة الصحة إن "اللقاحات آمنة وفعالة ومتاحة للجميع".'],
    [{ text: 'اللقاحات آمنة', speaker: 'المتحدثة باسم وزارة الصحة', role: 'المتحدثة باسم وزارة الصحة' }], []],
  ['a surname alone matches the full name found earlier', 'ar',
    ['التقى رئيس الوزراء العراقي حيدر العبادي بوفد أمريكي.', 'وقال العبادي إن "العراق لن يكون ساحة لتصفية الحسابات بين الدول".'],
    [{ text: 'العراق لن يكون ساحة', speaker: 'حيدر العبادي' }], []],
  ['a quote without closing mark runs to the end of the paragraph and is partial', 'ar',
    ['وقال المدير التنفيذي للشركة سمير حداد: "سنضاعف الإنتاج خلال العامين المقبلين ونفتح مصانع جديدة'],
    [{ text: 'سنضاعف الإنتاج خلال العامين', speaker: 'سمير حداد', partial: true }], []],
  ['an opener repeated before any closer (the seed pattern) ends the first quote', 'ar',
    ['وتحدث بوتين عن العقوبات.', '"العقوبات لن توقفنا أبدا. وقال الرئيس الروسي: "نحن مستعدون للحوار مع الجميع دون شروط مسبقة".'],
    [{ text: 'نحن مستعدون للحوار', speaker: 'الرئيس الروسي', partial: false }, { text: 'العقوبات لن توقفنا', speaker: 'الرئيس الروسي', partial: true }], ['وقال الرئيس الروسي']],
  ['guillemets «…» and a quote embedded after إن with more words (fragment)', 'ar',
    ['وأكد الوزير علي حسن أن الحكومة تعتبر الهجوم «جريمة حرب مكتملة الأركان بكل المقاييس».'],
    [{ text: 'جريمة حرب مكتملة الأركان', speaker: 'علي حسن', partial: true }], []],
  ['scare quotes, names of newspapers and operations are not key quotes', 'ar',
    ['ونشرت صحيفة "الأهرام" تقريرا عن عملية "درع الفرات" التي وصفها البعض بـ"المغامرة".', 'وتحدث التقرير عن "أزمة".'],
    [], ['الأهرام', 'درع الفرات', 'المغامرة', 'أزمة']],
  ['participle قائلا takes the subject of the sentence', 'ar',
    ['وسارع نتنياهو، الذي كان يحضر المؤتمر، بالرد قائلا: "هذه التصريحات مستفزة وغير مقبولة على الإطلاق".'],
    [{ text: 'هذه التصريحات مستفزة', speaker: 'نتنياهو' }], []],
  ['a relative clause names its antecedent; the object after the verb is not the speaker', 'ar',
    ['وأثار ذلك غضب الرئيس التركي، رجب طيب أردوغان، الذي دعا الوزير الإماراتي إلى "أن يعرف حدوده جيدا ويتوقف عن الإساءة".'],
    [{ text: 'أن يعرف حدوده', speaker: 'رجب طيب أردوغان' }], []],
  ['a tweet "جاء فيها" is the writer\'s, and a verb with an object pronoun (ووصفه) still attributes', 'ar',
    ['ونشر الوزير خالد عمر تغريدة جاء فيها: "لن نسمح لأحد بالعبث بأمن هذا البلد".', 'ووصفه الرئيس سعيد ناصر بأنه "رجل دولة من الطراز الأول وصديق قديم".'],
    [{ text: 'لن نسمح لأحد', speaker: 'خالد عمر' }, { text: 'رجل دولة من الطراز', speaker: 'سعيد ناصر' }], []],
  ['نقلت وكالة عن X قوله', 'ar',
    ['ونقلت وكالة رويترز عن مسؤول أمني قوله: "تم اعتقال ثلاثة مشتبه بهم في العملية".'],
    [{ text: 'تم اعتقال ثلاثة مشتبه', speaker: 'مسؤول أمني' }], []],
];

const english: Row[] = [
  ['speaker after the quote, role resolved through "Mayor Jane Smith"', 'en',
    ['Mayor Jane Smith presented the budget on Monday.', '"We will not raise taxes this year," the mayor said.'],
    [{ text: 'We will not raise taxes', speaker: 'Jane Smith', partial: false }], []],
  ['pronoun continuation "she added" and a multi-sentence quote', 'en',
    ['"The city is in good shape," said Jane Smith, the mayor.', '"This is a difficult time. But we will get through it together," she added.'],
    [{ text: 'The city is in good shape', speaker: 'Jane Smith', role: 'the mayor' }, { text: 'This is a difficult time. But we will', speaker: 'Jane Smith' }], []],
  ['apposition "X, the treasurer, said:" before the quote', 'en',
    ['John Doe, the city treasurer, said: "The numbers simply do not add up for next year."'],
    [{ text: 'The numbers simply do not add up', speaker: 'John Doe', role: 'treasurer' }], []],
  ['"according to" before the quote', 'en',
    ['According to the police, "the suspect fled the scene before officers arrived at the building."'],
    [{ text: 'the suspect fled the scene', speaker: 'police' }], []],
  ['he/she pick the last speaker of that gender', 'en',
    ['Ms. Ana Lopez, the director, said the museum would reopen.', 'Mr. Paul Grant, the curator, said: "The collection has never been in better condition."', '"We have waited three long years for this day," she said.'],
    [{ text: 'We have waited three long years', speaker: 'Ana Lopez' }, { text: 'The collection has never', speaker: 'Paul Grant' }], []],
  ['apostrophes are not quotation marks; single quotes nested in double quotes stay inside', 'en',
    ["The students' union said they don't support it.", '"The \'new\' plan is bad for every family in this country," said Alice Walker.'],
    [{ text: "The 'new' plan is bad", speaker: 'Alice Walker' }], ["don't", 'union said', '=new']],
  ['a fragment after "said that" is partial; scare quotes and titles are dropped', 'en',
    ['Brown told reporters that the budget was "a fantasy built on hope rather than numbers".', 'The council met in "Room 101" to discuss the film "Jaws".'],
    [{ text: 'a fantasy built on hope', speaker: 'Brown', partial: true }], ['Room 101', 'Jaws']],
  ['a short whole statement is kept, a two-word label is not; age and origin appositions are skipped', 'en',
    ['Asked whether he would resign, Johnson said: "Absolutely not."', 'The company said it "deeply regrets" it.', 'Lopez, 34, a nurse from Queens, said she was "terrified every single day of the outbreak."'],
    [{ text: 'Absolutely not', speaker: 'Johnson', partial: false }, { text: 'terrified every single day', speaker: 'Lopez', role: 'a nurse from Queens', partial: true }], ['deeply regrets']],
  ['a quote running on into the next paragraph takes the speaker found there', 'en',
    ['"This is the first part of a long statement that goes on.', '"And this is the second part of it, which ends here," Walker said.'],
    [{ text: 'This is the first part', speaker: 'Walker', partial: true }, { text: 'And this is the second part', speaker: 'Walker' }], []],
];

const french: Row[] = [
  ['guillemets with spaces and inversion after the quote', 'fr',
    ['« Nous ne reculerons pas sur les impôts », a déclaré le maire, Jean Dupont.'],
    [{ text: 'Nous ne reculerons pas', speaker: 'Jean Dupont', role: 'le maire', partial: false }], []],
  ['role resolved to the name given earlier, and a-t-il continuation', 'fr',
    ['Le maire de Lyon, Jean Dupont, a présenté lundi son budget.', '« Les finances de la ville sont saines », a déclaré le maire.', '« C\'est un moment difficile pour tout le monde », a-t-il ajouté.'],
    [{ text: 'Les finances de la ville', speaker: 'Jean Dupont' }, { text: 'un moment difficile', speaker: 'Jean Dupont' }], []],
  ['colon form before the quote with a feminine role, and a-t-elle continuation', 'fr',
    ['La ministre de la Santé, Marie Curie, a affirmé : « L\'hôpital public doit être protégé à tout prix. »', 'Le préfet Paul Martin a annoncé : « Les routes resteront fermées jusqu\'à lundi. »', '« Nous attendons des actes concrets, pas des promesses », a-t-elle déclaré.'],
    [{ text: "L'hôpital public doit", speaker: 'Marie Curie', role: 'ministre de la Santé' }, { text: 'Nous attendons des actes', speaker: 'Marie Curie' }], []],
  ['selon before the quote; present-tense inversion "estime X"', 'fr',
    ['Selon la préfecture, « la situation est désormais sous contrôle dans le département ».', '« Les chiffres ne tiennent pas debout », estime Paul Martin, économiste.'],
    [{ text: 'la situation est désormais', speaker: 'préfecture' }, { text: 'Les chiffres ne tiennent pas', speaker: 'Paul Martin', role: 'économiste' }], []],
  ['"Pour X," opinion and a name after an inverted verb cut before "lors de"', 'fr',
    ['Pour Marine Le Pen, « c\'est un échec total du gouvernement et du président ».', '« Je ne suis pas candidat à ma propre succession », a tranché Emmanuel Macron lors d\'une conférence de presse.'],
    [{ text: 'un échec total', speaker: 'Marine Le Pen' }, { text: 'Je ne suis pas candidat', speaker: 'Emmanuel Macron' }], ['conférence']],
  ['one-word scare quotes and a newspaper name are dropped', 'fr',
    ['Elle a dénoncé une « mascarade » et l\'« incompétence » du gouvernement.', 'Le journal « Le Monde » a publié l\'enquête aujourd\'hui.'],
    [], ['mascarade', 'incompétence', 'Le Monde']],
];

describe('extractQuotes: patterns', () => {
  it.each([...arabic, ...english, ...french])('%s (%s)', (_label, language, paragraphs, wants, absent) => {
    const quotes = extractQuotes(paragraphs, language);
    for (const want of wants) check(quotes, want);
    for (const text of absent) {
      // "=x": no quote is exactly x; otherwise no quote contains x.
      if (text.startsWith('=')) expect(quotes.map((q) => q.text)).not.toContain(text.slice(1));
      else expect(quotes.map((q) => q.text).join(' | ')).not.toContain(text);
    }
    for (const q of quotes) expect(q.paragraph).toBeLessThan(paragraphs.length);
  });
});

describe('extractQuotes: ranking', () => {
  it('puts attributed full statements before unattributed and partial ones', () => {
    const quotes = extractQuotes([
      'The plan, described as "a bold step toward a greener and fairer city", was unveiled on Monday.',
      'Mayor Jane Smith said: "This plan will change how every resident travels to work."',
    ], 'en');
    expect(quotes[0]!.speaker).toBe('Jane Smith');
    expect(quotes[quotes.length - 1]!.speaker).toBeNull();
  });

  it('merges near-identical quotes repeated in the article', () => {
    const text = 'نحن ملتزمون بالسلام في المنطقة وبالحوار مع جميع الأطراف';
    const quotes = extractQuotes([`وقال الوزير سالم علي: "${text}".`, `وكرر: "${text}."`], 'ar');
    expect(quotes.filter((q) => norm(q.text).includes(norm(text)))).toHaveLength(1);
  });
});

describe('extractQuotes: the seed article', () => {
  const raw = readFileSync(new URL('../../content/lavrov-north-korea.txt', import.meta.url), 'utf8');
  const paragraphs = raw.replace(/\[ad_\d+\]/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== 'المصدر');
  const quotes = extractQuotes(paragraphs, 'ar', { headline: paragraphs[0] });

  it.each<[string, string[]]>([
    ['روسيا، باعتبارها عضوا مسؤولا في المجتمع الدولي، تلتزم بشكل صارم بالتزاماتها الدولية', ['بورميستروف']],
    ['في الوقت نفسه، نحن نعارض بشكل قاطع فرض إجراءات تقييدية جديدة', ['بورميستروف']],
    ['لكن هناك أشياء يمكننا التحدث عنها', ['بوتين', 'الرئيس الروسي']],
    ['جريمة – باعتباره عملاً من أعمال التجريد من الإنسانية', ['المتحدثة باسم وزارة الخارجية الروسية']],
  ])('finds "%s" with its speaker', (text, speakers) => {
    const q = find(quotes, text);
    expect(q, JSON.stringify(quotes)).toBeDefined();
    expect(speakers.some((s) => norm(q!.speaker ?? '').includes(norm(s)))).toBe(true);
  });

  it('keeps the role of the ambassador and of the president', () => {
    expect(find(quotes, 'في الوقت نفسه')!.speakerRole).toBe('السفير الروسي لدى الأمم المتحدة');
    expect(find(quotes, 'لكن هناك أشياء')!.speakerRole).toBe('الرئيس الروسي');
  });

  it('ranks the four attributed statements before the unattributed phrase', () => {
    const unattributed = quotes.findIndex((q) => q.speaker === null);
    expect(unattributed === -1 || unattributed >= 4).toBe(true);
  });
});
