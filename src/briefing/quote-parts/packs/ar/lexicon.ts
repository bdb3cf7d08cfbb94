/**
 * Arabic word lists of speaker resolution, in normalised form
 * ({@link normForm}): the nouns that only point back at a speaker named
 * elsewhere (`البيان`, `الشركة`) and what each of them may stand for.
 */
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
