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
