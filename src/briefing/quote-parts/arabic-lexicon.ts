/**
 * Arabic word lists of speaker resolution, in normalised form
 * ({@link normForm}): the nouns that only point back at a speaker named
 * elsewhere (`البيان`, `الشركة`) and what each of them may stand for.
 */
import { normForm } from './tokens';

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
