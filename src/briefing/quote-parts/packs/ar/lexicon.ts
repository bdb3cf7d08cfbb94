/**
 * Every Arabic word list of quote attribution, in one place and in
 * normalised form ({@link normForm}): the speech words (the look-up tables
 * of `speech-verbs.ts` are built from them), the words of speaker phrases
 * (roles, places, cutters, name parts: read by `phrase.ts`), and the nouns
 * that only point back at a speaker named elsewhere (`البيان`, `الشركة`).
 * A new word is one entry here.
 */
import { normalizeArabic } from '../../../arabic';
import type { Gender } from '../../../speech-verbs';
import { normForm } from '../../tokens';

const list = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/u).filter(Boolean).map(normForm));

/**
 * Documents and sources that carry someone's words (`وأضاف البيان`، `بحسب
 * المصدر`، `التسجيل المذاع`): never the speaker themselves, they stand for
 * whoever issued them, the speaker last named.
 */
export const DOCUMENT_ANAPHORS = list(`
  البيان بيان المصدر التسجيل المنشور التقرير الرساله التغريده الفيديو الخطاب التصريح البلاغ الاعلان
`);

/**
 * Institution nouns that, definite and alone (`وقالت الشركة`، `وتابعت الحكومة`),
 * refer back to the institution the article named in full (`شركة آبل`،
 * `الحكومة اليمنية`, `هيئة الإذاعة البريطانية`).
 */
export const INSTITUTION_HEADS = list(`
  شركه هيئه حكومه وزاره منظمه مؤسسه جمعيه رابطه حركه جماعه حزب نادي اتحاد لجنه مجلس مفوضيه مكتب
  جامعه محكمه شرطه سفاره رئاسه اداره وكاله بعثه مجموعه منظمات بنك صندوق مرصد مركز معهد
`);

/**
 * Plural nouns of leaders (`وقال الزعماء في بيانهم`): definite and alone they
 * stand for the group the article named with them (`زعماء مجموعة السبع`).
 */
export const LEADER_GROUPS = list('زعماء قاده');

/**
 * Adjectives of a joint statement (`البيان الختامي`، `البيان المشترك`): the
 * words of a summit's leaders, not of whoever spoke last.
 */
export const JOINT_STATEMENT = list('الختامي المشترك ختامي مشترك');

/** Meetings a joint statement closes (`البيان الختامي للقمة`): they name no issuer. */
export const EVENT_HEADS = list('قمه اجتماع اجتماعات مؤتمر لقاء ندوه منتدى دوره جلسه');

/**
 * Things that carry figures or a case, never a speaker nor anyone's words
 * (`وتشير الأرقام الواردة في التقرير إلى`، `وجاء في الدعوى المرفوعة`): a
 * phrase they head names nobody.
 */
export const NEVER_SPEAKERS = list(`
  الارقام ارقام الاحصاءات احصاءات الاحصائيات احصائيات النتائج نتائج الدعوى دعوى الوثائق وثائق المستندات مستندات
  اوراق الاوراق النصوص نصوص المسوده مسوده الملف ملف القضيه قضيه
`);

/** Unnamed subjects of a speech verb (`وكتب آخر`, `وقال ثالث`): someone new, whom the article does not name. */
export const ANONYMOUS = list('اخر اخرى ثالث ثالثه رابع رابعه احدهم احداهن غيره غيرها');

/** Media nouns: an outlet reports words, it does not say them (`نقلا عن وكالة X`, `وذكرت صحيفة تايمز`). */
const MEDIA_HEADS = list(`
  بوابه وكاله وكالات صحيفه صحف موقع قناه تلفزيون التلفزيون شبكه اذاعه مجله رويترز فرانس بي سي الوكاله الصحيفه
  الموقع القناه الشبكه الاذاعه المجله وسائل
`);

/** True for the (normalised) head of a media outlet's name. */
export function isMediaHead(norm: string): boolean {
  return MEDIA_HEADS.has(norm);
}

/** Complementisers and pronoun objects between a source word and its speaker (نقلا عن، بحسب ما قاله، وفق ما صرح به). */
export const SOURCE_LINKS = new Set(['عن', 'ما', 'لما']);

/** Verbs of reporting after ما (بحسب ما نقلت صحيفة X، وفق ما أوردت الوكالة). */
export const REPORT_VERBS = new Set(['نقل', 'نقلت', 'نقلته', 'اورد', 'اوردت', 'اوردته', 'نشر', 'نشرت', 'نشرته', 'اوضح', 'اوضحت', 'بث', 'بثت']);

/** Words opening a clause before its subject: لكن الوزير قال. */
export const AR_CONJUNCTIONS = new Set(['لكن', 'ولكن', 'بينما', 'فيما', 'كما', 'حيث', 'ثم', 'اما', 'واما', 'غير', 'بل']);

/** Relative pronouns: the speaker is the noun phrase before them. */
export const RELATIVES = new Set(['الذي', 'التي', 'الذين', 'والذي', 'والتي', 'والذين']);

/** Pronoun subjects right before a verb (لكنه قال، وهي تقول). */
export const PRONOUN_SUBJECTS = new Set(['لكنه', 'لكنها', 'ولكنه', 'ولكنها', 'فانه', 'فانها', 'وهو', 'وهي', 'هو', 'هي', 'انه', 'انها', 'بينما', 'الذي', 'التي', 'والذي', 'والتي']);

/** و/ف + preposition at the start of a sentence: not a verb. */
export const LEADING_PREPOSITIONS = new Set(['وفي', 'ومن', 'وعلى', 'وعن', 'والى', 'وبعد', 'وقبل', 'وخلال', 'ومع', 'وبين', 'وحول', 'وفيما', 'وبينما', 'ولدى', 'وعند', 'فمن', 'وفق']);

/** Words dropped between a subject and its verb (`وكان ترامب قد قال`). */
export const AR_AUX = new Set(['قد', 'لقد', 'كان', 'وكان', 'كانت', 'وكانت']);

// Speech words (the look-up tables of ../../../speech-verbs.ts are built from these).

export const AR_MASC_PAST = [
  'قال', 'اضاف', 'اكد', 'اوضح', 'اشار', 'تابع', 'صرح', 'اعتبر', 'زعم', 'كشف', 'شدد', 'ذكر', 'اعلن', 'حذر',
  'افاد', 'لفت', 'استطرد', 'اختتم', 'ختم', 'غرد', 'علق', 'اردف', 'استدرك', 'نوه', 'ابلغ', 'قالا', 'اجاب', 'تساءل', 'نفى', 'راى',
  'اعرب', 'قالوا', 'اكدوا', 'اضافوا', 'روى', 'اقر', 'اعترف', 'هدد', 'طالب', 'ناشد', 'دعا', 'وصف',
  'يقول', 'يضيف', 'يؤكد', 'يوضح', 'يشير', 'يتابع', 'يزعم', 'يقولون', 'يروي', 'يكشف', 'يذكر',
  'يشدد', 'يحذر', 'يلفت', 'يتساءل', 'يردف', 'يستدرك', 'يختتم', 'سال', 'ابلغ',
  'يرى', 'يعتبر', 'يعلق', 'يشرح', 'شرح', 'تحدث', 'يتحدث', 'اقترح', 'واصل', 'يواصل',
];

export const AR_FEM_PAST = [
  'قالت', 'اضافت', 'اكدت', 'اوضحت', 'اشارت', 'تابعت', 'صرحت', 'اعتبرت', 'زعمت', 'كشفت', 'شددت', 'ذكرت',
  'اعلنت', 'حذرت', 'افادت', 'لفتت', 'استطردت', 'اختتمت', 'ختمت', 'كتبت', 'علقت', 'اردفت', 'استدركت', 'نوهت', 'ابلغت', 'قالتا', 'غردت', 'اجابت',
  'تساءلت', 'نفت', 'قلن', 'رات', 'اعربت', 'روت', 'اقرت', 'اعترفت', 'هددت', 'طالبت', 'ناشدت', 'دعت', 'وصفت',
  'تقول', 'تضيف', 'تؤكد', 'توضح', 'تشير', 'تتابع', 'تزعم', 'تروي', 'تكشف', 'تذكر', 'تشدد',
  'تحذر', 'تلفت', 'تتساءل', 'تردف', 'تستدرك', 'تختتم', 'سالت',
  'ترى', 'تعتبر', 'تعلق', 'تشرح', 'شرحت', 'تحدثت', 'تتحدث', 'اقترحت', 'واصلت', 'تواصل',
];

export const AR_PARTICIPLES: Readonly<Record<string, Gender>> = {
  قائلا: 'm', قايلا: 'm', قائلة: 'f', قائله: 'f', مضيفا: 'm', مضيفة: 'f', مضيفه: 'f', مشيرا: 'm', مشيرة: 'f',
  مشيره: 'f', مؤكدا: 'm', مؤكدة: 'f', مؤكده: 'f', موضحا: 'm', موضحة: 'f', موضحه: 'f', متابعا: 'm',
  معتبرا: 'm', معتبرة: 'f', معتبره: 'f', محذرا: 'm', محذرة: 'f', محذره: 'f', مشددا: 'm', مشددة: 'f', مشدده: 'f',
  لافتا: 'm', لافتة: 'f', لافته: 'f', متسائلا: 'm', متسائلة: 'f', مضيفين: 'unknown', قائلين: 'unknown', بالقول: 'unknown',
};

/** Words introducing the source after or before a quote: بحسب X, وفقا لـ X, حسبما قال X. */
export const AR_ACCORDING = ['بحسب', 'حسب', 'وفقا', 'وفق', 'طبقا', 'نقلا', 'حسبما', 'بحسبما', 'وفقما'];

/** Verbs that often report an act rather than words (وصف, دعا, كشف): a stronger verb earlier in the sentence wins. */
export const AR_WEAK = new Set(['وصف', 'وصفت', 'دعا', 'دعت', 'طالب', 'طالبت', 'هدد', 'هددت', 'ناشد', 'ناشدت', 'اعرب', 'اعربت', 'نفى', 'نفت',
  'كشف', 'كشفت', 'اعلن', 'اعلنت', 'ذكر', 'ذكرت', 'اعتبر', 'اعتبرت', 'راى', 'رات', 'اقر', 'اقرت', 'اعترف', 'اعترفت', 'حذر', 'حذرت',
  'يكشف', 'تكشف', 'يذكر', 'تذكر', 'يحذر', 'تحذر', 'زعم', 'زعمت', 'يزعم', 'تزعم', 'علق', 'علقت',
  'يرى', 'ترى', 'يعتبر', 'تعتبر', 'يعلق', 'تعلق', 'تحدث', 'تحدثت', 'يتحدث', 'تتحدث', 'اقترح', 'اقترحت'].map((w) => normalizeArabic(w)));

/**
 * Verbs of opinion and explanation (يرى، تعتبر، تشرح) that speak only with إن/أن or a colon
 * after their subject: otherwise what follows is their object (`ترى زميلا لها`, `يعتبره زعيما`).
 */
export const AR_NEEDS_INTRODUCER = new Set(['يرى', 'ترى', 'يعتبر', 'تعتبر', 'يعلق', 'تعلق', 'اقترح',
  'اقترحت', 'واصل', 'واصلت', 'يواصل', 'تواصل', 'يشرح', 'تشرح', 'شرح', 'شرحت'].map((w) => normalizeArabic(w)));

/** Verbs whose object, right after them, is the one addressed (أبلغ، سأل), with و/ف (normalised). */
export const AR_ADDRESSEE = /^[وف]?(ابلغ|ابلغت|سال|سالت)$/u;

/** Arabic complementisers after a speech verb: إن, أن, إنه, بأن… (normalised). */
export const ARABIC_INTRODUCERS: ReadonlySet<string> = new Set([
  'ان', 'انه', 'انها', 'انهم', 'انهن', 'انا', 'اننا', 'انني', 'بان', 'بانه', 'بانها', 'بانهم', 'فان', 'فانه', 'فانها',
  'لان', 'انما', 'انهما', 'بانهما', 'اننا', 'باننا', 'انكم', 'انك', 'انني', 'بانني', 'فانهم', 'وان', 'وانه', 'وانها',
]);

/** `قوله`: "his saying", as in نقلت وكالة X عن Y قوله. Normalised, with gender. */
export const ARABIC_SAYING: ReadonlyMap<string, Gender> = new Map([
  ['قوله', 'm'], ['قولها', 'f'], ['قولهم', 'unknown'], ['تاكيده', 'm'], ['تاكيدها', 'f'], ['بقوله', 'm'], ['بقولها', 'f'],
]);

// Phrase words (read by phrase.ts).

/** Pronoun suffixes (ه، ها، هم، هما), longest first: objects of a verb, possessives of a noun. */
export const OBJECT_SUFFIXES = ['هما', 'ها', 'هم', 'ه'];

/** Relatives who speak of someone (`والدة الطالب`، `شقيق الضحية`، `والدا الفتاة`), as written before a noun. */
const KIN_HEADS = ['والد', 'والدة', 'والدا', 'شقيق', 'شقيقة', 'زوج', 'زوجة', 'أخت'];

/**
 * {@link KIN_HEADS} and the same with a possessive suffix (`والدته`، `زوجها`،
 * `شقيقه`: ة written ت before it), normalised.
 */
export const KIN_NOUNS: ReadonlySet<string> = new Set([
  ...KIN_HEADS,
  ...KIN_HEADS.filter((w) => w !== 'والدا').flatMap((w) => OBJECT_SUFFIXES.map((suffix) => w.replace(/ة$/u, 'ت') + suffix)),
].map(normForm));

/** A parent said again in short (`وقالت الأم` for `والدة الطفل`): the head word (without ال) and the role head it stands for. */
export const PARENT_SAID_AGAIN: ReadonlyMap<string, string> = new Map([['ام', 'والده'], ['اب', 'والد']]);

/** Nouns that head a role or an institution (without ال), relatives ({@link KIN_NOUNS}) among them. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([...KIN_NOUNS, ...list(`
  وزير وزيره رئيس رئيسه مدير مديره سفير سفيره محافظ محافظه قائد قائده زعيم زعيمه عضو عضوه نائب نائبه مستشار مستشاره
  امين امينه متحدث متحدثه مسؤول مسؤوله مسؤولون مسؤولو مبعوث مبعوثه ممثل ممثله مندوب مندوبه مراسل مراسله حاكم عمده
  وزاره حكومه مجلس حزب حركه جماعه منظمه شركه وكاله صحيفه جامعه مكتب مفوض مفوضه مفوضيه قاضي قاضيه استاذ استاذه
  خبير خبيره ملك ملكه امير اميره ولي شيخ نقيب عميد لواء عقيد جنرال مصدر مصادر دبلوماسي دبلوماسيون شاهد شهود طبيب
  طبيبه محلل محلله باحث باحثه ناشط ناشطه ناطق ناطقه خارجيه داخليه دفاع وزراء عام عامه اعلام اعمال رجل امراه سيده
  مدرب مدربه لاعب لاعبه مؤسس مؤسسه صاحب صاحبه بيان جيش قوات شرطه محكمه نيابه هيئه لجنه مركز معهد منظمات جمعيه
  مفتي وكيل وكيله منظم منظمه منظمو منظمي اتحاد برلمان بعثه سلطات سلطه اداره اجهزه جهاز مسؤولين مواطن مواطنه مواطنون سكان ساكن مصادر مقرب مقربون احد احدى
  بعض عدد كبير كبيره كبار زعماء قاده نشطاء خبراء اطباء محللون رؤساء وزيرا سفراء ممثلو ناطقه المنسق منسق منسقه
  دوله مديري مراقب مراقبون متحدثون رئاسه امانه نقابه مجموعه فريق تحالف ائتلاف المرصد مرصد مكتب صندوق بنك
`)]);

/**
 * Heads of a person's role that may carry a possessive suffix (رئيسها، محاميه، مدربته):
 * the pronoun is their complement, the role is whole, and the name follows.
 */
export const POSSESSIVE_ROLE_HEADS = list(`
  رئيس مدير مدرب وزير زعيم قائد سفير متحدث ناطق نائب مستشار محامي وكيل امين مساعد ممثل مندوب مراسل مؤسس مالك
`);

/** Place and organisation names written without ال that occur inside roles (وزير خارجية روسيا). */
export const PLACES = list(`
  روسيا امريكا ارجنتين برازيل بريطانيا فرنسا المانيا ايطاليا اسبانيا ايران اسرائيل تركيا مصر سوريا لبنان قطر ليبيا تونس فلسطين
  واشنطن موسكو باريس لندن برلين طهران انقره دمشق بيروت غزه كوريا باكستان افغانستان اوكرانيا كندا فنزويلا كوبا
  اثيوبيا نيجيريا كينيا اوروبا افريقيا اسيا حماس فتح طالبان داعش ناسا فيسبوك غوغل تويتر يونيسيف اوبك فيفا ناتو
  بكين طوكيو روما مدريد جنيف نيويورك عمان الرياض بغداد صنعاء طرابلس الخرطوم هولندا بلجيكا السويد النرويج اليونان
  اسكتلندا ايرلندا بولندا المجر صربيا كرواتيا البرتغال استراليا نيوزيلندا ماليزيا اندونيسيا الفلبين فيتنام تايلاند
  ميانمار بنغلاديش سريلانكا نيبال كازاخستان اذربيجان ارمينيا جورجيا بيلاروسيا لاتفيا ليتوانيا استونيا فنلندا
  الدنمارك سويسرا النمسا رومانيا بلغاريا قبرص مالطا اسكتلنديارد يوروبول انتربول يونسكو ايباك هيومن رايتس ووتش
  امنستي اوكسفام بي سي ان شمال جنوب شرق غرب بيونغ يانغ سيول هانوي كابول اسلام اباد نيودلهي موريتانيا الصومال جيبوتي اريتريا تشاد مالي النيجر
`);

/** Nouns of a place whose name follows and may be two words (في مقاطعة كامبونغ ثوم، في مدينة سان دييغو). */
export const PLACE_NOUNS = list('مدينه مقاطعه ولايه محافظه اقليم منطقه بلده قريه بلديه جزيره');

/** Months (Gregorian and Levantine names): a date, never part of a name (في 12 تموز يوليو). */
export const MONTHS = list(`
  يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
  كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين
`);

/** Prepositions that continue a role while no name has been read (السفير لدى الأمم المتحدة). */
export const ROLE_PREPS = list('لدى في باسم الى إلى لشؤون');

/** Words that end the phrase: prepositions of setting, time words, relatives, conjunctions. */
export const CUTTERS = list(`
  على عبر خلال امام مع بعد قبل عقب منذ حتى يوم اليوم امس الليله مساء صباح ظهر فجر ليل الاحد الاثنين الثلاثاء
  الاربعاء الخميس الجمعه السبت وهو وهي الذي التي الذين اللذين حيث بينما فيما كما ان انه انها بان او ثم لكن ولكن
  اذ اذا عندما حين حينما وسط بين ضمن نحو حول دون هذا هذه ذلك تلك هنا هناك ما ماذا لا لم لن قد لقد كان كانت
  وكان وكانت يكون تكون ليس ليست وفق وفقا بحسب حسب فقط عبره من اثناء اثر جراء عنه عنها عنهم منه منها فيه فيها
  عليه عليها اليه اليها لديه لديها بعدما عندها وذلك بيانا تقريرا تصريحا خطابا كتابا تصريحات رساله كلمه عن عما مما بهذه بهذا
  لهذا لهذه كيف لماذا متى اين هل انذاك تغريده منتصف مطلع اواخر اوائل نهايه بدايه ردا بدلا فضلا اضافه علاوه تعليقا
  تعقيبا وفور فور جاء وجاء
`);

/** Adverbs skipped between the verb and its subject (وقال أيضا، وقال بدوره). */
export const SKIPPED = list('القول ايضا كذلك بدوره بدورها مجددا لاحقا سابقا حينها انذاك مرارا صراحه بوضوح بعدها عندها وقتها يومها مؤخرا حاليا اخيرا ساخرا مازحا');

/** After في, these nouns mean "in a statement / interview …": the phrase ends before في. */
export const EVENT_NOUNS = list(`
  تصريح تصريحات تصريحه تصريحها بيان مقابله مؤتمر حديث حديثه حديثها كلمه كلمته كلمتها رساله تغريده وقت ختام اتصال لقاء
  تعليق تعليقه تعليقها حوار خطاب خطابه اجتماع جلسه ندوه تدوينه منشور صفحته صفحتها حسابه حسابها تقرير تقريره اطار
  معرض سياق رده ردها وقت مستهل بدايه نهايه افتتاح حفل زياره مداخله حساب بيانه بيانها
`);

/** After ب/ل glued to a name: بموقع، بحسابه، لقناة, the phrase ends. */
export const MEDIA_NOUNS = list('موقع صحيفه قناه وكاله حساب حسابه حسابها صفحته صفحتها شبكه تلفزيون اذاعه مجله برنامج');

/** Media and audiences after ل: the phrase ends there (قال لبي بي سي، قال للصحفيين). */
export const MEDIA_L = /^(لبي|لرويترز|للصحفيين|لصحفيين|لوكاله|لوكالات|لصحيفه|لقناه|لشبكه|لموقع|لمجله|لاذاعه|للتلفزيون|للاذاعه|للصحافه|للصحيفه|للقناه|للوكاله|لل?ـ|ل|لفرانس(24)?|لسي|للجزيره|لسكاي|لنيويورك|لواشنطن|لوسائل|للاعلام|لمراسل|للمراسل|لمراسله|لاسوشيتد|للشبكه|للموقع|للنواب|للحضور|لانصاره|لمؤيديه|لمناصريه)$/u;

/** "Called", "named": the name follows (شاهدة تدعى فيكتوريا). */
export const CALLED = list('يدعى تدعى المدعو المدعوه اسمه اسمها');

/** Name-joining words: عبد الله, أبو بكر, محمد بن سلمان, ستيفان دي ميستورا. */
export const NAME_JOINERS = list('عبد ابو ابي بن ابن بنت ال ام دي');

/** Words never part of a name. */
export const NOT_NAME = list(`
  هو هي هم هن نحن انا انت انتم الا غير كل جميع اي ايه لها له لهم بها به منها منه عنه عنها فيه فيها الي اليه اليها
  امريكي امريكيه لكنه لكنها ولكنه ولكنها لكنهم الا بانه بانها هذا هذه
  البالغ البالغه واحد واحده رفيع رفيعه بارز بارزه سابق سابقه اخر اخرى ثالث ثالثه رابع رابعه احدهم احداهن اثنان اثنين ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره
`);

/** Given names written with ال (الطيب لوح، الحبيب بورقيبة, الباجي قائد السبسي). */
export const GIVEN_AL = list(`
  الطيب الحبيب الهادي الصادق المنصف المختار الطاهر الباجي المهدي الحسن الحسين العباس البشير الشاذلي الصديق المكي
  الخضر الوليد الفضل العيد المولدي المنذر الفاضل الازهر الناصر الجيلاني السعيد المصطفى العياشي الغالي المعتصم
  المنتصر النعمان الحارث الزبير الخليل المنجي الشريف الحبيب العروسي الصحبي المعز الهاشمي
`);

/** Given names common enough that a definite word closing the phrase after them is a family name (محمد النجار). */
export const COMMON_GIVEN = list(`
  محمد احمد محمود مصطفى علي حسن حسين خالد عمر سعيد ابراهيم يوسف عبدالله عبدالرحمن سامي سمير كريم طارق وليد هاني
  ماجد فيصل ناصر سلمان جمال عادل عماد رامي زياد فاطمه مريم سارة ليلى نور هدى منى
`);

/** Honorifics before a name (السيد حسن نصر الله): neither role nor name. */
export const HONORIFICS = list('السيد السيده');

/** Honorifics that may also close a name as its family name (معاذ الشيخ) or stand inside a role before the name (مفتي المؤتمر العام الشيخ الصادق الغرياني). */
export const TITLE_SURNAMES = list('الشيخ السيد');

/** Institution nouns that are also participles (اللجنة المنظمة، الدول المؤسسة): after a noun they describe it. */
export const PARTICIPLE_HEADS = list('منظمه مؤسسه منظمات');

/** Titles standing between a role and the name (الخبير في شؤون المياه الدكتور إلياس سلامة): dropped. */
export const ROLE_TITLES = list('الشيخ السيد السيده الدكتور الدكتوره');

/** Article prefixes of a definite word after a conjunction or preposition. */
export const GLUED_ARTICLES = ['بال', 'وال', 'فال', 'كال', 'لل'];

/** Prefixes of a role noun (الرئيس، للرئيس، برئيس), in the order they are tried. */
export const ROLE_PREFIXES = ['ال', 'لل', 'بال', 'وال', 'ل', 'ب'];


/** Words after which a word right after a role is a verb or a noun, not a first name (في، على، نحو…). */
export const CLAUSE_FOLLOWERS = list('في على من الى إلى عن مع نحو حول منذ خلال بين عند لدى');

/** Complementisers ending the subject of reported speech (normalised). */
export const THAT_WORDS = new Set(['ان', 'انه', 'انها', 'بان']);

/** Sentence-initial words that are no verbs (prepositions, conjunctions with و). */
export const AR_NOT_VERBS = new Set([...LEADING_PREPOSITIONS, 'وكان', 'وكانت', 'وقد', 'ولكن', 'وهو', 'وهي', 'واذا', 'وان', 'ولم', 'ولا', 'وما', 'وهذا', 'وهذه']);

/** Verbs and adjectives of age (تبلغ من العمر، البالغ من العمر). */
export const AGE_WORDS = list('يبلغ تبلغ البالغ البالغه');
/** Units of an age. */
export const YEARS = list('عاما عام سنه سنوات اعوام');
/** Words for "another" after an unnamed person (فتاة أخرى، رجل آخر). */
export const ANOTHER = list('اخرى اخر');

/** Roles of someone acting for another (وكيل، محامي، المتحدث باسم): a name inside them may be the one they act for. */
export const AGENT_HEADS = list('وكيل وكيله محامي محاميه المحامي المحاميه الوكيل مستشار مستشاره المستشار المستشاره');

/** جاء/ورد, as the words "came" on someone's tongue. */
export const CAME = /^(و?جاء|و?جاءت|و?ورد|و?وردت)$/u;
/** Nouns of words said, after a demonstrative (هذه الكلمات، هذه العبارات). */
export const WORDS_SAID = new Set(['الكلمات', 'الكلمه', 'العبارات', 'العباره', 'التصريحات', 'الكلام', 'الجمله']);
/** Demonstratives before {@link WORDS_SAID}. */
export const DEMONSTRATIVES = new Set(['هذه', 'هذا', 'بهذه', 'بهذا', 'وبهذه', 'وبهذا']);
