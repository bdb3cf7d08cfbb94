import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';

/**
 * Speakers of Arabic news quotes, class by class (issue 12): each row is a
 * short article in the shape real news takes, the quote to look at, and the
 * speaker wanted (null: the article does not say, so nothing is better than a guess).
 */
function speakerOf(article: string, quoteStart: string): string | null | undefined {
  const quote = createBriefing(article, { language: 'ar' }).quotes.find((q) => q.text.startsWith(quoteStart));
  return quote === undefined ? undefined : quote.speaker;
}

describe('Arabic speakers: documents and institutions speak for who issued them', () => {
  it.each<[string, string, string, string | null]>([
    ['a statement goes on with its issuer',
      'عنوان الخبر\n\nوقالت وزارة التجارة الصينية في بيان إن الوفد سيصل غدا إلى واشنطن.\n\nوأضاف البيان أن "الجانب الصيني يرفض كل الإجراءات الأحادية ضد التجارة".',
      'الجانب الصيني', 'وزارة التجارة الصينية'],
    ['the statement speaks on someone\'s tongue',
      'عنوان الخبر\n\nوقال البيان على لسان يوليا: "استعدت وعيي قبل أسبوع وأنا مسرورة بذلك كثيرا".',
      'استعدت وعيي', 'يوليا'],
    ['the statement quotes a spokeswoman',
      'عنوان الخبر\n\nونقل البيان على لسان المتحدثة باسم الخارجية الأمريكية، هيذر نويرت، قولها: "نشيد بهذه المساهمة المهمة في جهود الاستقرار".',
      'نشيد بهذه', 'هيذر نويرت'],
    ['a bare company noun is the company named before',
      'عنوان الخبر\n\nطلبت شركة آبل من الإدارة الأمريكية تجنب الرسوم الجديدة.\n\nوقالت الشركة: "هذه الرسوم ستضر بالمستهلك الأمريكي قبل غيره".',
      'هذه الرسوم', 'شركة آبل'],
    ['a bare government noun is the government named before',
      'عنوان الخبر\n\nأعلنت الحكومة اليمنية بدء الهجوم على الميناء صباح اليوم.\n\nوتابعت الحكومة أن "تحرير الميناء يشكل علامة فارقة في نضالنا الطويل".',
      'تحرير الميناء', 'الحكومة اليمنية'],
    ['a statement with nobody named before says nothing',
      'عنوان الخبر\n\nوأضاف البيان أن "الوضع الأمني في المنطقة يتحسن يوما بعد يوم".',
      'الوضع الأمني', null],
    ['a statement of an institution, with ل glued to it',
      'عنوان الخبر\n\nوجاء في بيان للحكومة الإسرائيلية: "لن نسمح بأي تهديد لأمن مواطنينا في الجنوب".',
      'لن نسمح', 'الحكومة الإسرائيلية'],
    ['a company named in quotation marks, with a quote later in the clause',
      'عنوان الخبر\n\nوقالت شركة "نتفليكس" إن الرئيس السابق وزوجته "أبرما اتفاقية تستمر عدة سنوات مع الشركة".',
      'أبرما اتفاقية', 'شركة نتفليكس'],
    ['a statement issued by an office (بحسب بيان صادر عن)',
      'عنوان الخبر\n\nوبحسب بيان صادر عن مكتب رئاسة الوزراء، فقد اتفق الطرفان على "علاقات تجارية وفرص استثمارية طموحة للسنوات القادمة".',
      'علاقات تجارية', 'مكتب رئاسة الوزراء'],
    ['a definite statement the sentence does not say whose names nobody (وجاء في البيان الختامي)',
      'عنوان الخبر\n\nوقال الرئيس الأمريكي دونالد ترامب إنه لن يوقع.\n\nوجاء في البيان الختامي المشترك للقمة: "ندعو روسيا إلى الكف عن سلوكها المزعزع للاستقرار".',
      'ندعو روسيا', null],
    ['a bare institution noun the article never names says nothing',
      'عنوان الخبر\n\nوقالت الهيئة إنها "توصلت إلى اتفاق لحل الخلافات بين الطرفين".',
      'توصلت إلى', null],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a role said again in short is the person named with it', () => {
  it.each<[string, string, string, string | null]>([
    ['a shorter role with a nisba of the same stem',
      'عنوان الخبر\n\nقال المتحدث باسم الخارجية الإثيوبية، ملس ألم، إن "المفاوضات فشلت بسبب عدم جدية الجانب الآخر".\n\nوكان المتحدث الإثيوبي قد أشار إلى أن "المفاوضات ناقشت شقين مهمين هما السد والتعاون".',
      'المفاوضات ناقشت', 'ملس ألم'],
    ['the bare head of an unnamed spokeswoman',
      'عنوان الخبر\n\nوقالت متحدثة باسم شرطة لندن: "تم الاتصال بنا بشأن أربعة متظاهرين على الشرفة".\n\nوأضافت المتحدثة: "تم توقيف الأربعة بعد ساعة من وصولنا إلى المكان".',
      'تم توقيف', 'متحدثة باسم شرطة لندن'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: the whole name, not the role, when the article gives both', () => {
  it.each<[string, string, string, string | null]>([
    ['a name in apposition after the role, subject before قد',
      'عنوان الخبر\n\nوكان وزير الخارجية المصري، سامح شكري، قد أعلن أن المفاوضات "لم تسفر عن مسار محدد ولم تأت بنتائج".',
      'لم تسفر', 'سامح شكري'],
    ['a name opening the sentence, then its role',
      'عنوان الخبر\n\nعبد الله بليحق، المتحدث الرسمي باسم مجلس النواب الليبي، رأى «أن صعوبات جمة تواجه هذا الاتفاق في الغرب».',
      'أن صعوبات', 'عبد الله بليحق'],
    ['two roles joined by و before the name',
      'عنوان الخبر\n\nوقالت رئيسة الأنشطة السينمائية في معهد العالم العربي ومديرة المهرجان ليان شواف: "تغيرت السينما العربية كثيرا خلال هذه السنوات".',
      'تغيرت السينما', 'ليان شواف'],
    ['a title word closing the name is the family name',
      'عنوان الخبر\n\nوأكد مراسل فرانس24 في طرابلس معاذ الشيخ أن "الوضع الإنساني في المدينة متدهور جراء القصف".',
      'الوضع الإنساني', 'معاذ الشيخ'],
    ['an honorific between the role and the name',
      'عنوان الخبر\n\nوقال مفتي المؤتمر العام الشيخ الصادق الغرياني إن "الذين أصدروا البيان لن يطبقوا منه شيئا".',
      'الذين أصدروا', 'الصادق الغرياني'],
    ['two family names with ال',
      'عنوان الخبر\n\nوقال محمد العزومي البرغثي، وهو صحفي ليبي، إن "المواطنين يشكون من ظروفهم المعيشية المتدنية".',
      'المواطنين يشكون', 'محمد العزومي البرغثي'],
    ['a title between the role and a name written with إ',
      'عنوان الخبر\n\nوأشار الخبير في شؤون المياه الدكتور إلياس سلامة إلى أن الأزمة "ليست طارئة بل نتيجة سنوات من سوء الإدارة".',
      'ليست طارئة', 'إلياس سلامة'],
    ['a role joined by و and a family name with ال before لـ',
      'عنوان الخبر\n\nوقال وزير المياه والري محمد النجار لـ CNN بالعربية: "نحن نواجه أصعب صيف منذ عقود طويلة".',
      'نحن نواجه', 'محمد النجار'],
    ['a role with ل and a name in apposition',
      'عنوان الخبر\n\nوقال المدير العام لبي بي سي، توني هول، عن القضية: "أنا سعيد أننا تجاوزنا الخلافات بيننا".',
      'أنا سعيد', 'توني هول'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: the object of the verb is not part of the name', () => {
  it.each<[string, string, string, string | null]>([
    ['an accusative noun and its adjective after the name',
      'عنوان الخبر\n\nجاء ذلك بعد فرض الرئيس الأمريكي دونالد ترامب رسوما جمركية على الصلب.\n\nوقال الرئيس الأمريكي: "حققنا تقدما كبيرا اليوم في المحادثات".',
      'حققنا تقدما', 'دونالد ترامب'],
    ['a noun with ة after a joined name',
      'عنوان الخبر\n\nناقش الوزير مع ولي العهد السعودي الأمير محمد بن سلمان قضية الغارات الأخيرة.\n\nوقال الأمير: "نحن ملتزمون بحماية المدنيين في كل الظروف".',
      'نحن ملتزمون', 'محمد بن سلمان'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: reported speech names who a continuation goes on with', () => {
  it.each<[string, string, string, string | null]>([
    ['a present-tense verb of opinion (فترى X أن)',
      'عنوان الخبر\n\nفترى ابتسام عبد الرحمن، وهي موظفة في القطاع العام، أن نور ضحية للعادات.\n\nوتقول: "هي أجبرت على الزواج من شخص لا تريده أبدا".',
      'هي أجبرت', 'ابتسام عبد الرحمن'],
    ['the subject before the verb (أما X، …، تقول إن)',
      'عنوان الخبر\n\nأما علوية عز الدين، التي تعمل في تجارة التجزئة، تقول إن نور ارتكبت جرما كبيرا. وقالت "لا يمكن لأي امرأة أن تقتل زوجها مهما كان السبب".',
      'لا يمكن', 'علوية عز الدين'],
    ['the source a newspaper cites, not the newspaper',
      'عنوان الخبر\n\nوذكرت صحيفة تايمز نقلا عن مسؤول حكومي بريطاني أن وضعه دقيق. وتابعت "المؤشرات تدل على أنه لن ينجو من هذا".',
      'المؤشرات تدل', 'مسؤول حكومي بريطاني'],
    ['a name in apposition right before قائلا',
      'عنوان الخبر\n\nوأثار تعليق بوتين انتباه رئيس الرابطة، جوناثان غرينبلات، قائلا في بيانه: "لجأ الرئيس إلى لعبة اللوم بشكل غريب".',
      'لجأ الرئيس', 'جوناثان غرينبلات'],
    ['a verb of opinion with its object is no attribution (ترى زميلا)',
      'عنوان الخبر\n\nوقالت سارة الحربي إن المشروع تأخر كثيرا.\n\nوترى زميلا لها في المكتب كل صباح. وأضافت: "لن نتوقف قبل أن ننهي العمل كله".',
      'لن نتوقف', 'سارة الحربي'],
    ['one person named twice, with and without بن, keeps their role',
      'عنوان الخبر\n\nاعتبر المفوض السامي لحقوق الإنسان زيد رعد الحسين يوم الجمعة أن الرد كان مفرطا.\n\nوقال المفوض السامي لحقوق الإنسان زيد بن رعد في خطاب إن الوضع خطير.\n\nوحذر المفوض السامي من أن "القتل الناجم عن القوة قد يشكل جريمة حرب".',
      'القتل الناجم', 'زيد بن رعد'],
    ['a manner adverbial after the verb is no subject (وواصلت بنوع من)',
      'عنوان الخبر\n\nوقالت الشابة أني داكبي: "لقد جاءت عائلتي إلى القدس قبل ستين عاما".\n\nوواصلت بنوع من التذمر والغضب: "في بعض الأحيان أفتح النافذة فأسمع الشتائم".',
      'في بعض الأحيان', 'أني داكبي'],
    ['a feminine adjective of origin is the woman named before (وقالت الدنماركية)',
      'عنوان الخبر\n\nقالت لاعبة التنس كارولينا فوزنياكي إنها تعرضت لتهديدات بالقتل.\n\nوقالت الدنماركية، في حسابها على تويتر: "هددت الجماهير أسرتي خلال المباراة كلها".',
      'هددت الجماهير', 'كارولينا فوزنياكي'],
    ['an anonymous commenter counted as a third says nothing',
      'عنوان الخبر\n\nوكتب أحد المتابعين: "هل يمكن لأحد أن يخبرنا ماذا يجري هنا".\n\nوكتب ثالث: "بالتأكيد ثمة اختراق لهذا الحساب منذ أيام".',
      'بالتأكيد ثمة', null],
    ['a suggestion verb records its subject for قائلا',
      'عنوان الخبر\n\nاقترح بوتين، في مرحلة ما من المقابلة، أن جماعات أخرى متورطة، قائلا: "ربما ليسوا حتى من الروس على الإطلاق".',
      'ربما ليسوا', 'بوتين'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: who is spoken to or of is not the speaker', () => {
  it.each<[string, string, string, string | null]>([
    ['the one told after أبلغ',
      'عنوان الخبر\n\nوقال رئيس الوزراء الكندي جاستن ترودو إن بلاده سترد.\n\nوقال إنه أبلغ ترامب "بأسف وإنما بمنتهى الوضوح أن بلاده ستفرض رسوما".',
      'بأسف وإنما', 'جاستن ترودو'],
    ['a word with tanween is no name (رسمياً)',
      'عنوان الخبر\n\nوقال زعماء مجموعة السبع رسمياً: "نحن نلتزم بأن نضمن سلمية البرنامج على الدوام".',
      'نحن نلتزم', 'زعماء مجموعة السبع'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: names and roles are read whole, and no further', () => {
  it.each<[string, string, string, string | null]>([
    ['a broadcast after لبرنامج ends the phrase; the continuation is the one named before',
      'عنوان الخبر\n\nقال فيليب لي النائب المحافظ إن النتيجة على المحك.\n\nوصرح لبرنامج على قناة "بي بي سي" البريطانية "بحسب معلوماتي الموقف متين لهذا السبب".',
      'بحسب معلوماتي', 'فيليب لي'],
    ['a broadcast with a Latin title after لبرنامج',
      'عنوان الخبر\n\nوقال السناتور ليندسي غراهام إن العلاقات تمر بمرحلة صعبة.\n\nوقال لبرنامج Fox and Friends على شبكة فوكس نيوز: "هذا الرجل يجب أن يذهب".',
      'هذا الرجل', 'ليندسي غراهام'],
    ['لبرنامج followed by a definite word is a body inside the role (برنامج الأغذية العالمي)',
      'عنوان الخبر\n\nوقال المدير الإقليمي لبرنامج الأغذية العالمي مهند هادي: "نحن ممتنون للمانحين لكننا بحاجة إلى المزيد".',
      'نحن ممتنون', 'مهند هادي'],
    ['a given name with a long ā after م (ماريا)',
      'عنوان الخبر\n\nوقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا: "هذه القصة ستنتهي كما انتهت سابقاتها".',
      'هذه القصة', 'ماريا زاخاروفا'],
    ['a given name ending in كا (مونيكا)',
      'عنوان الخبر\n\nوكتبت مونيكا هيسي، كاتبة عمود الرأي في صحيفة واشنطن بوست: "أنا أجلس هنا أتساءل عما سيحدث".',
      'أنا أجلس', 'مونيكا هيسي'],
    ['a continuation after reported speech by a woman named مارتينا',
      'عنوان الخبر\n\nوتقول بيليتو سوراسو، رئيسة التحرير: "إن المشروع وحد الإثيوبيين".\n\nوتقول مارتينا غريدنيف مراسلة صحيفة وول ستريت جورنال إنها كانت تعرفه.\n\nوقالت لبرنامج Focus on Africa: "كان شخصا وطنيا كرس حياته لبلاده".',
      'كان شخصا', 'مارتينا غريدنيف'],
    ['an accusative participle after the name is still no name (مؤكدا)',
      'عنوان الخبر\n\nوقال وزير الخارجية سامح شكري مؤكدا: "لن نقبل بأي مساس بحقوقنا المائية".',
      'لن نقبل', 'سامح شكري'],
    ['وكيل starts a role after the name (وكيل أعمال)',
      'عنوان الخبر\n\nوقال سيلفانو مارتينا وكيل أعمال اللاعب لوسائل الإعلام الإيطالية "لن يكون هناك أبدا لاعب آخر مثله".',
      'لن يكون', 'سيلفانو مارتينا'],
    ['an indefinite object after the role is no name (أرسل وكيل أعمال اللاعب خطابا)',
      'عنوان الخبر\n\nوأرسل وكيل أعمال اللاعب خطابا إلى الاتحاد، كما نشر تغريدة قال فيها: "أي استخدام غير قانوني للصور سيتم التعامل معه".',
      'أي استخدام', 'وكيل أعمال اللاعب'],
    ['منظمو heads a role whole (منظمو بطولة ميامي المفتوحة للتنس)',
      'عنوان الخبر\n\nوردا على اتهاماتها، قال منظمو بطولة ميامي المفتوحة للتنس إن قوات الأمن "لم تشهد على الإطلاق أي تهديدات بعينها".',
      'لم تشهد', 'منظمو بطولة ميامي المفتوحة للتنس'],
    ['منظم heads a role before the name in apposition',
      'عنوان الخبر\n\nوقال منظم المزاد، فرانسيس بريست: "حققت اللوحة سعرا مرتفعا مقارنة بالتقديرات".',
      'حققت اللوحة', 'فرانسيس بريست'],
    ['figures in a report are no one, nor what goes on after them (الأرقام الواردة)',
      'عنوان الخبر\n\nوتشير الأرقام الواردة في التقرير، الذي أعدته مؤسسة "بلان" الخيرية، إلى أن الكثير من الفتيات يعتقدن أن التحرش "جزء من الحياة".\n\nوقالت: "تظاهرت كما لو أنني أتحدث في الهاتف مع والدي".',
      'تظاهرت كما', null],
    ['the papers of a case are no one (أوراق الدعوى)',
      'عنوان الخبر\n\nوتقول أوراق الدعوى إن الزوجين "كافحا طويلا للتعايش مع المرض".',
      'كافحا طويلا', null],
    ['a definite institution after a complete role is the object (دعت المؤسسة الخيرية الحكومة إلى)',
      'عنوان الخبر\n\nودعت المؤسسة الخيرية الحكومة إلى الاعتراف بالتحرش في الشوارع على أنه "عنف على أساس الجنس".',
      'عنف على', 'المؤسسة الخيرية'],
    ['an institution noun used as a participle stays in the role (اللجنة المنظمة)',
      'عنوان الخبر\n\nوقالت اللجنة المنظمة للبطولة إن "كل شخص اشترى تذكرة سيحصل على مقعده".',
      'كل شخص', 'اللجنة المنظمة للبطولة'],
    ['وكيل heads a role before the name (وكيل الأزهر)',
      'عنوان الخبر\n\nوقال وكيل الأزهر عباس شومان: "القدس ليست قضية الفلسطينيين وحدهم".',
      'القدس ليست', 'عباس شومان'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: foreign given names and places glued to ب/ل', () => {
  it.each<[string, string, string, string | null]>([
    ['a foreign given name shaped like a verbal noun (تونيا) is a name',
      'عنوان الخبر\n\nوقالت تونيا سميث، الباحثة في جامعة أكسفورد، إن "الدراسة شملت ألف طالب في ثلاث مدن".',
      'الدراسة شملت', 'تونيا سميث'],
    ['a continuation after a quote-less sentence naming her (تانيا)',
      'عنوان الخبر\n\nودعت الجمعية الخيرية البرلمان إلى سن قانون جديد يحمي "حق الأطفال في اللعب".\n\nوقالت تانيا ميلر، مديرة الجمعية، إنها فوجئت بالأرقام.\n\nوأضافت: "لا يمكن السكوت عن هذا الوضع بعد اليوم".',
      'لا يمكن السكوت', 'تانيا ميلر'],
    ['a place with ب closes the role, it is no name (بمصر)',
      'عنوان الخبر\n\nوقال المتحدث باسم السفارة الفرنسية بمصر: "لم نتلق أي طلب رسمي حتى الآن".',
      'لم نتلق', 'المتحدث باسم السفارة الفرنسية بمصر'],
    ['a place with ب inside the role of a named speaker (بلندن)',
      'عنوان الخبر\n\nوقال مدير المكتب الإعلامي بلندن جيمس براون إن "الزيارة تأجلت لأسباب فنية".',
      'الزيارة تأجلت', 'جيمس براون'],
    ['a verbal noun of the same shape is still no name (تقرير)',
      'عنوان الخبر\n\nوقال تقرير حديث إن "نصف السكان يعانون من نقص الغذاء".',
      'نصف السكان', null],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a role said again with its head and an adjective of origin is the person named with it', () => {
  it.each<[string, string, string, string | null]>([
    ['a minister said again as الوزيرة + nationality (head starting with و)',
      'عنوان الخبر\n\nقالت وزيرة الصحة ماري كلارك إن "المستشفيات مستعدة لاستقبال المصابين".\n\nوقالت الوزيرة الأسترالية للصحفيين: "لن نسمح بتكرار ما حدث العام الماضي".',
      'لن نسمح', 'ماري كلارك'],
    ['a coach said again as المدرب + nationality',
      'عنوان الخبر\n\nوقال مدرب فريق ليون لوران بلان إن "اللاعبين قدموا كل ما لديهم".\n\nوأكد المدرب الفرنسي أن "المباراة المقبلة ستكون أصعب بكثير".',
      'المباراة المقبلة', 'لوران بلان'],
    ['the bare head الوزير is the one minister named',
      'عنوان الخبر\n\nأعلن وزير المالية كريم منصور خطة جديدة لخفض العجز.\n\nوقال الوزير إن "الخطة ستطبق على مراحل خلال ثلاث سنوات".',
      'الخطة ستطبق', 'كريم منصور'],
    ['two ministers: the adjective of origin picks neither when both roles carry one',
      'عنوان الخبر\n\nوقال وزير الخارجية الروسي سيرغي لافروف إن "الحوار ممكن".\n\nوقال وزير الخارجية الفرنسي جان لودريان إن "الحوار ضروري".\n\nوأضاف الوزير البريطاني أن "العقوبات باقية حتى إشعار آخر".',
      'العقوبات باقية', 'الوزير البريطاني'],
    ['an institution said again with an adjective of origin stays itself',
      'عنوان الخبر\n\nوقالت شرطة المدينة إنها "تلقت عشرات البلاغات".\n\nوقالت الشرطة الفرنسية إن "التحقيق ما زال مفتوحا".',
      'التحقيق ما زال', 'الشرطة الفرنسية'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a joint statement and its leaders speak for the group the article names', () => {
  const summit = 'عنوان الخبر\n\nاجتمع قادة الاتحاد الأفريقي في أديس أبابا يومي السبت والأحد لبحث النزاعات في القارة.\n\n'
    + 'وقال الرئيس الكيني ويليام روتو إن "القمة كانت ناجحة بكل المقاييس".\n\n';
  it.each<[string, string, string, string | null]>([
    ['the final statement of a summit is its leaders\'',
      summit + 'وجاء في البيان الختامي للقمة: "نلتزم بإنهاء النزاعات المسلحة في القارة قبل نهاية العقد".',
      'نلتزم بإنهاء', 'قادة الاتحاد الأفريقي'],
    ['a continuation of the final statement stays with the leaders',
      summit + 'وجاء في البيان الختامي: "نلتزم بإنهاء النزاعات المسلحة في القارة".\n\nوأضاف: "ندعو المجتمع الدولي إلى دعم جهود السلام".',
      'ندعو المجتمع', 'قادة الاتحاد الأفريقي'],
    ['the bare plural القادة is the leaders named with their body',
      summit + 'وقال القادة في بيانهم: "لا حل عسكريا للنزاع في شرق القارة".',
      'لا حل عسكريا', 'قادة الاتحاد الأفريقي'],
    ['a joint statement naming its issuer with ل (البيان المشترك لوزراء الخارجية العرب)',
      'عنوان الخبر\n\nوأكد البيان المشترك لوزراء الخارجية العرب أن "القدس خط أحمر لا يمكن تجاوزه".',
      'القدس خط', 'وزراء الخارجية العرب'],
    ['leaders named as a list of countries are not cut to the first one',
      'عنوان الخبر\n\nأصدر زعماء فرنسا وألمانيا وإيطاليا بيانا مشتركا حول الهجرة.\n\nوقال الزعماء في بيانهم: "لن نقبل بأي حل لا يحترم القانون الدولي".',
      'لن نقبل', 'الزعماء'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: words passed on with نقل عن are the one cited', () => {
  it.each<[string, string, string, string | null]>([
    ['the name right before قوله after a descriptor the phrase cannot read',
      'عنوان الخبر\n\nوقال قائد الشرطة مارك جونسون إن التحقيق مستمر.\n\nونقلت الصحيفة عن جاره منذ سنوات طويلة سمير حداد قوله إن "الرجل كان هادئا ولطيفا مع الجميع".',
      'الرجل كان', 'سمير حداد'],
    ['a spokeswoman passing on her principal\'s words (نقلت المتحدثة باسم X عنه)',
      'عنوان الخبر\n\nونقلت المتحدثة باسم رئيس الوزراء الإيطالي جوزيبي كونتي عنه قوله إن "الحكومة لن تتراجع عن الميزانية الجديدة".',
      'الحكومة لن', 'جوزيبي كونتي'],
    ['a pronoun cited by an outlet goes on with the last speaker',
      'عنوان الخبر\n\nوقال وزير المالية كريم منصور إن "العجز سينخفض".\n\nونقلت الوكالة عنه قوله إن "الإصلاحات ستستمر حتى نهاية العام".',
      'الإصلاحات ستستمر', 'كريم منصور'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: an unnamed person described by age is the whole description', () => {
  it.each<[string, string, string, string | null]>([
    ['a girl described by her age',
      'عنوان الخبر\n\nوقالت فتاة تبلغ من العمر 16 عاما إن "المدرسة لم تعد مكانا آمنا".',
      'المدرسة لم', 'فتاة تبلغ من العمر 16 عاما'],
    ['another one, not the first girl again (فتاة أخرى)',
      'عنوان الخبر\n\nوقالت فتاة تبلغ من العمر 16 عاما إن "المدرسة لم تعد مكانا آمنا".\n\nوأضافت فتاة أخرى تبلغ من العمر 15 عاما: "لم أعد أخرج وحدي في المساء".',
      'لم أعد', 'فتاة أخرى تبلغ من العمر 15 عاما'],
    ['a man described by his age',
      'عنوان الخبر\n\nوقال رجل يبلغ من العمر 52 عاما: "فقدت بيتي وكل ما أملك في ليلة واحدة".',
      'فقدت بيتي', 'رجل يبلغ من العمر 52 عاما'],
    ['a named woman with البالغة keeps her name',
      'عنوان الخبر\n\nوقالت سلمى البالغة من العمر 30 عاما إن "السباق يهدف إلى جمع التبرعات".',
      'السباق يهدف', 'سلمى'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a state or a body speaking على لسان someone is that person', () => {
  it.each<[string, string, string, string | null]>([
    ['a country protests through its deputy minister',
      'عنوان الخبر\n\nواحتجت تركيا على لسان نائب وزير الخارجية أحمد يلماز لدى السفير الهولندي، وطلبت من الحكومة الهولندية "اعتذارا رسميا وفوريا عن الحادثة"، بحسب ما نقلت وكالة الأناضول.',
      'اعتذارا رسميا', 'أحمد يلماز'],
    ['a government answers through its spokeswoman',
      'عنوان الخبر\n\nوردت الحكومة على لسان المتحدثة باسم الحكومة سارة العلي، مؤكدة أن "الأسعار ستبقى كما هي حتى نهاية العام".',
      'الأسعار ستبقى', 'سارة العلي'],
    ['words that came on someone\'s tongue inside a relative clause stay with the sentence\'s speaker',
      'عنوان الخبر\n\nورفض الوزير كريم منصور الاتهامات التي جاءت على لسان النائب سمير داود، قائلا: "هذه ادعاءات لا أساس لها".',
      'هذه ادعاءات', 'كريم منصور'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: the sentence after a quote points back at it (بهذه الكلمات، جاءت هذه العبارات)', () => {
  it.each<[string, string, string, string | null]>([
    ['بهذه الكلمات with any verb after the quote',
      'عنوان الخبر\n\n"شكرا لكل من وقف معنا في هذه الأيام الصعبة"، بهذه الكلمات ودع المدرب الإسباني خوان لوبيز جماهير النادي.',
      'شكرا لكل', 'خوان لوبيز'],
    ['بهذه الكلمات after a full stop and two dots',
      'عنوان الخبر\n\n"لن نتراجع عن حقوقنا مهما طال الزمن".. بهذه الكلمات تحدث السفير الفلسطيني في القاهرة، جمال شوبكي، عن موقف بلاده.',
      'لن نتراجع', 'جمال شوبكي'],
    ['جاءت هذه العبارات على لسان X after the quote',
      'عنوان الخبر\n\n"الاقتصاد سينمو بنسبة ثلاثة في المئة هذا العام". جاءت هذه العبارات على لسان وزير المالية كريم منصور خلال مؤتمر صحفي.',
      'الاقتصاد سينمو', 'كريم منصور'],
    ['جاءت هذه العبارات في فيديو لـX',
      'عنوان الخبر\n\n"أنا بخير وسأعود قريبا إلى المسرح"، جاءت هذه العبارات في أحدث فيديو للمغنية المصرية شيرين التي طمأنت جمهورها.',
      'أنا بخير', 'شيرين'],
    ['وجاءت هذه العبارات على لسان X before the quote',
      'عنوان الخبر\n\nوجاءت هذه العبارات على لسان وزير المالية كريم منصور: "الاقتصاد سينمو بنسبة ثلاثة في المئة".',
      'الاقتصاد سينمو', 'كريم منصور'],
    ['the next sentence with its own speech verb does not point back',
      'عنوان الخبر\n\n"الاقتصاد سينمو بنسبة ثلاثة في المئة هذا العام". وقال وزير المالية كريم منصور إن الحكومة ستواصل الإصلاح.',
      'الاقتصاد سينمو', null],
    ['an agent\'s apposition is the speaker, not the one represented (وكيل X، Y)',
      'عنوان الخبر\n\nوقال وكيل اللاعب المغربي حكيم زياش، أحمد الصغير، إن "المفاوضات مع النادي انتهت".',
      'المفاوضات مع', 'أحمد الصغير'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a relative (والد، والدة، زوجة، شقيق) is a role, never و + a noun', () => {
  it.each<[string, string, string, string | null]>([
    ['the mother of someone, then her name in apposition',
      'عنوان الخبر\n\nوقالت والدة الطالب، سعاد منصور: "ابني لم يعد إلى البيت منذ ثلاثة أيام".',
      'ابني لم', 'سعاد منصور'],
    ['the father of someone named right after: the name is the son\'s, the father is the role',
      'عنوان الخبر\n\nوقال والد اللاعب كريم بنعلي إن "ابني سيبقى في النادي حتى نهاية الموسم".',
      'ابني سيبقى', 'والد اللاعب كريم بنعلي'],
    ['her father, with a possessive suffix, then his name',
      'عنوان الخبر\n\nاختفت الطالبة ليلى حسن قبل أسبوع.\n\nوقال والدها يوسف حسن للشرطة إن "ابنتي لم تكن تعرف أحدا في المدينة".',
      'ابنتي لم', 'يوسف حسن'],
    ['his mother, unnamed: the role alone',
      'عنوان الخبر\n\nتوفي الشاب أحمد سالم في الحادث.\n\nوقالت والدته: "كان يحلم بأن يصبح طبيبا".',
      'كان يحلم', 'والدته'],
    ['the brother of the victim, then his name in apposition',
      'عنوان الخبر\n\nوقال شقيق الضحية، مراد بوزيد: "نطالب بمحاكمة عادلة لكل المتورطين".',
      'نطالب بمحاكمة', 'مراد بوزيد'],
    ['his wife, with her name after',
      'عنوان الخبر\n\nوقالت زوجته ماريا لوبيز إن "العائلة كلها تنتظر عودته بفارغ الصبر".',
      'العائلة كلها', 'ماريا لوبيز'],
    ['a name, then the mother of someone in apposition',
      'عنوان الخبر\n\nوقالت هالة يوسف، والدة المعتقل، إن "ابنها بريء من كل التهم الموجهة إليه".',
      'ابنها بريء', 'هالة يوسف'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: reported speech between two quotations of a paragraph names who a continuation goes on with', () => {
  it.each<[string, string, string, string | null]>([
    ['a new speaker in reported speech, then وقال',
      'عنوان الخبر\n\nوكتب ترامب أن "الرسوم ستبقى حتى نحصل على اتفاق عادل". من جهته أكد الرئيس الفرنسي إيمانويل ماكرون أن الاتحاد الأوروبي سيرد. وقال خلال مؤتمر صحفي: "لا يوجد أي تغيير في موقفنا".',
      'لا يوجد', 'إيمانويل ماكرون'],
    ['a new speaker in reported speech, then وأضافت',
      'عنوان الخبر\n\nوقال الوزير سامي حداد إن "الحكومة لن تتراجع عن الإصلاح". في المقابل أوضحت النائبة منى الشريف أن المعارضة سترفض القانون. وأضافت: "هذا القانون يضر بالفقراء قبل غيرهم".',
      'هذا القانون', 'منى الشريف'],
    ['a sentence naming an earlier speaker by surname (وغادر ترامب) gives the continuation back to him',
      'عنوان الخبر\n\nوكتب الرئيس الأمريكي دونالد ترامب أن "الرسوم ستبقى حتى نحصل على اتفاق عادل". من جهته أكد الرئيس الفرنسي إيمانويل ماكرون أن الاتحاد الأوروبي سيرد. وقال: "لا يوجد أي تغيير في موقفنا". وغادر ترامب القمة في وقت مبكر. وكتب: "لن نسمح لأحد باستغلال بلدنا بعد اليوم".',
      'لن نسمح', 'دونالد ترامب'],
    ['a sentence without a speech verb leaves the continuation with the last speaker',
      'عنوان الخبر\n\nوقال الوزير سامي حداد إن "الحكومة لن تتراجع عن الإصلاح". وزار الرئيس كريم العلي المصنع أمس. وأضاف الوزير: "سنواصل الحوار مع النقابات".',
      'سنواصل الحوار', 'سامي حداد'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: a name stops where the rest of the clause starts', () => {
  it.each<[string, string, string, string | null]>([
    ['a manner adverbial with ب after the name (أجاب X بطريقة)',
      'عنوان الخبر\n\nوسئل رئيس الوزراء الكندي جاستن ترودو عن الأزمة. وأجاب ترودو بطريقة غير مباشرة: "لن نعتذر عن الدفاع عن حقوق الإنسان".',
      'لن نعتذر', 'جاستن ترودو'],
    ['a means with ب after the name (قال X بصوت)',
      'عنوان الخبر\n\nوقال مراد بصفات متعددة في مقابلته: "أنا مدرب ولاعب ومدير في آن واحد".',
      'أنا مدرب', 'مراد'],
    ['a family name with بو and ة stays whole (ناصر بوريطة)',
      'عنوان الخبر\n\nوقال وزير الخارجية المغربي ناصر بوريطة في مؤتمر صحفي: "المغرب يرفض أي تدخل في شؤونه".',
      'المغرب يرفض', 'ناصر بوريطة'],
    ['a family name with ة closing the phrase stays (محمد بركة)',
      'عنوان الخبر\n\nوقال النائب محمد بركة: "القانون يميز ضد المواطنين العرب".',
      'القانون يميز', 'محمد بركة'],
    ['a family name with ة after بن stays (محمد بن عطية)',
      'عنوان الخبر\n\nوقال اللاعب محمد بن عطية في تصريحات للصحفيين: "نحن جاهزون للمباراة النهائية".',
      'نحن جاهزون', 'محمد بن عطية'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic quotes: a name in marks after a radio, institute or work noun is no quotation', () => {
  it.each<[string, string, string]>([
    ['a radio station (لإذاعة "…")',
      'عنوان الخبر\n\nوقال الوزير سامي حداد لإذاعة "صوت الشعب العربي" إن "الحكومة ستخفض الأسعار في الأسابيع المقبلة".',
      'صوت الشعب'],
    ['an institute (معهد "…")',
      'عنوان الخبر\n\nوقال الباحث كريم منصور من معهد "كارنيغي للسلام الدولي" إن "المفاوضات لن تنجح هذا العام بسبب الخلافات".',
      'كارنيغي'],
    ['a music video (كليب "…")',
      'عنوان الخبر\n\nوقالت المغنية هند صبري بعد عرض كليب "يا ليل يا عين" إن "الجمهور أحب الأغنية كثيرا منذ اليوم الأول".',
      'يا ليل'],
  ])('%s', (_name, article, name) => {
    const quotes = createBriefing(article, { language: 'ar' }).quotes;
    expect(quotes.map((q) => q.text).filter((t) => t.startsWith(name))).toEqual([]);
    expect(quotes.length).toBe(1);
  });
});

describe('Arabic speakers: الأم and الأب said again are the mother or father named before', () => {
  it.each<[string, string, string, string | null]>([
    ['the mother, named as والدة X in apposition',
      'عنوان الخبر\n\nوقالت منى حسن، والدة الطفل، إن ابنها خرج من المستشفى.\n\nوقالت الأم: "لم أفقد الأمل يوما في شفائه".',
      'لم أفقد', 'منى حسن'],
    ['the father, named after والد X',
      'عنوان الخبر\n\nوقال والد الضحية، سمير خليل، إن العائلة تنتظر نتائج التحقيق.\n\nوأضاف الأب: "نريد أن نعرف الحقيقة كاملة".',
      'نريد أن', 'سمير خليل'],
    ['a mother the article never names stays unnamed',
      'عنوان الخبر\n\nوقال الطبيب كريم منصور إن الطفل بخير.\n\nوقالت الأم: "أشكر كل من ساعدنا في هذه المحنة".',
      'أشكر كل', 'الأم'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});

describe('Arabic speakers: reported speech keeps the role given in apposition to its speaker', () => {
  it.each<[string, string, string, string | null]>([
    ['a role between commas after the name, said again later',
      'عنوان الخبر\n\nوأكدت ليلى منصور، المتحدثة باسم وزارة الصحة، أن الوضع تحت السيطرة.\n\nوقالت المتحدثة باسم وزارة الصحة: "لا داعي للقلق في هذه المرحلة".',
      'لا داعي', 'ليلى منصور'],
    ['a relative between commas after the name, said again with its noun',
      'عنوان الخبر\n\nوقال سمير خليل، شقيق المعتقل، إن العائلة لم تتلق أي معلومات.\n\nوأضاف شقيق المعتقل: "نطالب بالإفراج عنه فورا".',
      'نطالب بالإفراج', 'سمير خليل'],
  ])('%s', (_name, article, quote, want) => {
    expect(speakerOf(article, quote)).toBe(want);
  });
});
