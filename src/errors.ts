/**
 * User-facing errors. Anything thrown as a {@link UserError} is the user's
 * doing (bad input, unknown article, …) and is answered with its one-line
 * text: in Discord in the user's language ({@link UserError.messageIn}),
 * ephemerally; in the CLI and the logs in English (`message`). Every other
 * error is the operator's business: logged in full, answered generically.
 */

/** Languages the bot answers users in (`labels.ts` picks one from the Discord locale). */
export type MessageLanguage = 'en' | 'ar' | 'fr';

/** One user-facing text, written in each language the bot answers in. */
export type LocalizedText = Readonly<Record<MessageLanguage, string>>;

/** The user's error, with its text in every answer language; `message` is the English one. */
export class UserError extends Error {
  override name = 'UserError';
  /** The text in each language; a plain string is used as is for all three (already localised by the caller, or CLI-only). */
  readonly text: LocalizedText;

  constructor(text: string | LocalizedText) {
    const localized = typeof text === 'string' ? { en: text, ar: text, fr: text } : text;
    super(localized.en);
    this.text = localized;
  }

  /** The text for `language` (`ar`, `fr`); English for anything else. */
  messageIn(language: string | undefined): string {
    return textIn(this.text, language);
  }
}

/** A localised text in `language` (`ar`, `fr`); English for anything else. */
export function textIn(text: LocalizedText, language: string | undefined): string {
  return language === 'ar' || language === 'fr' ? text[language] : text.en;
}

/**
 * A Discord code span around user text or a Latin run. In Arabic it keeps the
 * run (`Asia/Riyadh`, a cron pattern, a file name) isolated and readable
 * inside right-to-left text; everywhere it stops markdown in what users typed.
 */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'") || ' '}\``;
}

/** No article with that id (or file at that path) exists. */
export class ArticleNotFoundError extends UserError {
  override name = 'ArticleNotFoundError';
  constructor(readonly articleId: string) {
    const id = clip(articleId);
    super({
      en: `No article named "${id}" in the library.`,
      ar: `لا يوجد في المكتبة مقال باسم ${code(id)}.`,
      fr: `Aucun article nommé ${code(id)} dans la bibliothèque.`,
    });
  }
}

/** An article id that is not a plain name: a path, too long, control characters… */
export class InvalidArticleIdError extends UserError {
  override name = 'InvalidArticleIdError';
  constructor(readonly articleId: string) {
    const id = clip(articleId);
    super({
      en: `"${id}" is not a valid article id: use the article's name, without folders or extension.`,
      ar: `المعرّف ${code(id)} غير صالح: اكتب اسم المقال وحده، دون مجلدات أو امتداد.`,
      fr: `${code(id)} n’est pas un identifiant d’article valide : donnez le nom de l’article, sans dossier ni extension.`,
    });
  }
}

/** An article file with no text in it (empty or whitespace only). */
export class EmptyArticleError extends UserError {
  override name = 'EmptyArticleError';
  constructor(readonly source: string) {
    super({
      en: `${source} is empty: there is no text to brief.`,
      ar: `الملف ${code(source)} فارغ: لا نص فيه لتلخيصه.`,
      fr: `${code(source)} est vide : il n’y a aucun texte à résumer.`,
    });
  }
}

/** An article file that is not UTF-8 text (binary data, another encoding). */
export class BinaryArticleError extends UserError {
  override name = 'BinaryArticleError';
  constructor(readonly source: string) {
    super({
      en: `${source} is not UTF-8 text (binary data or another encoding).`,
      ar: `الملف ${code(source)} ليس نصًا بترميز ${code('UTF-8')} (بيانات ثنائية أو ترميز آخر).`,
      fr: `${code(source)} n’est pas du texte UTF-8 (données binaires ou autre encodage).`,
    });
  }
}

/** An article file over the configured size cap. Sizes are exact byte counts, digits grouped. */
export class ArticleTooLargeError extends UserError {
  override name = 'ArticleTooLargeError';
  constructor(readonly source: string, readonly bytes: number, readonly maxBytes: number) {
    super({
      en: `${source} is ${byteCount(bytes, 'en')}, over the ${groupDigits(maxBytes, 'en')}-byte limit.`,
      ar: `يبلغ حجم الملف ${code(source)} ${byteCount(bytes, 'ar')}، وهو أكبر من الحد المسموح به (${byteCount(maxBytes, 'ar')}).`,
      fr: `${code(source)} pèse ${byteCount(bytes, 'fr')}, au-delà de la limite de ${byteCount(maxBytes, 'fr')}.`,
    });
  }
}

/** A path that names no regular file (a pipe, a device, a socket…): never opened for reading, so it cannot hang. */
export class NotRegularFileError extends UserError {
  override name = 'NotRegularFileError';
  constructor(readonly source: string) {
    super({
      en: `${source} is not a regular file (a pipe, device or socket): there is no article to read.`,
      ar: `الملف ${code(source)} ليس ملفًا عاديًا (أنبوب أو جهاز أو مقبس): لا مقال فيه لقراءته.`,
      fr: `${code(source)} n’est pas un fichier ordinaire (tube, périphérique ou socket) : aucun article à lire.`,
    });
  }
}

/**
 * Arabic and French for the front matter details `src/content` gives in
 * English (its own wording and its schema's messages). A detail missing here
 * (reworded, or a zod message) still gets a correct, if vaguer, sentence.
 */
const FRONT_MATTER_DETAILS: ReadonlyArray<readonly [RegExp, (n: string) => { ar: string; fr: string }]> = [
  [/^block is never closed/, () => ({ ar: 'لا تُغلَق: أضف سطرًا فيه `---` بعد آخر حقل', fr: 'n’est jamais fermé : ajoutez une ligne `---` après le dernier champ' })],
  [/^is not a "key: value" line$/, () => ({ ar: 'ليس سطرًا بصيغة `key: value`', fr: 'n’est pas une ligne `clé: valeur`' })],
  [/^is given twice$/, () => ({ ar: 'مكرَّر', fr: 'apparaît deux fois' })],
  [/^is not a known field/, () => ({ ar: 'ليس حقلًا معروفًا (`title`، `source`، `url`، `published`، `language`، `author`)', fr: 'n’est pas un champ connu (title, source, url, published, language, author)' })],
  [/^must not be empty$/, () => ({ ar: 'يجب ألا يكون فارغًا', fr: 'ne doit pas être vide' })],
  [/^is longer than (\d+) characters$/, (n) => ({ ar: `يتجاوز ${n} حرف`, fr: `dépasse ${n} caractères` })],
  [/^must be an http\(s\) URL$/, () => ({ ar: `يجب أن يكون رابط ${code('http(s)')}`, fr: 'doit être une URL http(s)' })],
  [/^must be an ISO date/, () => ({ ar: `يجب أن يكون تاريخًا بصيغة ${code('YYYY-MM-DD')}`, fr: 'doit être une date ISO (AAAA-MM-JJ)' })],
  [/^must be a language code/, () => ({ ar: 'يجب أن يكون رمز لغة مثل `ar` أو `en` أو `fr`', fr: 'doit être un code de langue comme ar, en ou fr' })],
];

/** The Arabic and French of a front matter detail (a generic "invalid value" when unknown). */
function frontMatterDetail(detail: string): { ar: string; fr: string } {
  for (const [pattern, text] of FRONT_MATTER_DETAILS) {
    const match = pattern.exec(detail);
    if (match) return text(match[1] ?? '');
  }
  return { ar: 'قيمته غير صالحة', fr: 'a une valeur invalide' };
}

/** Invalid front matter in a Markdown article; names the file and the field. */
export class FrontMatterError extends UserError {
  override name = 'FrontMatterError';
  constructor(readonly source: string, readonly field: string, detail: string) {
    const local = frontMatterDetail(detail);
    const block = field === '---';
    super({
      en: `${source}: front matter field "${field}" ${detail}`,
      ar: `${block ? 'كتلة البيانات الوصفية' : `الحقل ${code(field)} في البيانات الوصفية`} للملف ${code(source)} ${local.ar}.`,
      fr: `${code(source)} : ${block ? 'le bloc d’en-tête' : `le champ d’en-tête ${code(field)}`} ${local.fr}.`,
    });
  }
}

/**
 * A command option or CLI flag with an invalid value. English keeps the
 * `Invalid <option>: <detail>` form (CLI, logs, tests); a localised `detail`
 * gives Arabic and French as whole sentences, which read better than that
 * frame translated. A plain string `detail` (the CLI's) is English everywhere.
 */
export class InvalidOptionError extends UserError {
  override name = 'InvalidOptionError';
  constructor(readonly option: string, detail: string | LocalizedText) {
    const en = `Invalid ${option}: ${typeof detail === 'string' ? detail : detail.en}`;
    super(typeof detail === 'string' ? en : { en, ar: detail.ar, fr: detail.fr });
  }
}

/** Shorten user-supplied text before echoing it back in an error message. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** An exact count with its digits grouped the way `language` writes them: 1,048,576 (en, ar) or 1 048 576 (fr). */
export function groupDigits(count: number, language: MessageLanguage): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 0 }).format(count);
}

/** An exact byte count in words: 1,048,576 bytes / 1 048 576 octets / 1,048,576 بايت (Latin digits keep a right-to-left line readable). */
export function byteCount(bytes: number, language: MessageLanguage): string {
  const unit = language === 'ar' ? 'بايت' : language === 'fr' ? (bytes === 1 ? 'octet' : 'octets') : bytes === 1 ? 'byte' : 'bytes';
  return `${groupDigits(bytes, language)} ${unit}`;
}
