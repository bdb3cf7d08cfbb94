/**
 * Recognisers for scraped boilerplate lines: read-more links, ad labels,
 * source and credit lines, separators, app promotions.
 */

/** A read-more marker alone on its line; the related headlines follow it. */
const READ_MORE_ALONE = /^(?:اقرأ|إقرأ|اقرا)\s+(?:أيضً?ا|أيضاً|ايضا|أيضا|كذلك)\s*[:：.…]*$|^(?:للمزيد|قد يهمك|قد يعجبك|مواضيع ذات صلة|أخبار ذات صلة|اقرأ المزيد|شاهد أيضا|شاهد أيضاً)\s*[:：|/.…]*$|^(?:read more|read also|also read|related|related articles?|related stories|more on this story|see also|more from \S+)\s*[:：.…]*$|^(?:à lire aussi|a lire aussi|lire aussi|lire également|à lire également|voir aussi|sur le même sujet)\s*[:：.…]*$/iu;

/** A read-more marker followed by the linked headline on the same line. */
const READ_MORE_INLINE = /^(?:اقرأ|إقرأ|اقرا)\s*(?:أيضً?ا|أيضاً|ايضا|أيضا|كذلك|المزيد)?\s*(?:[:：|/]|\.\.|…)|^(?:للمزيد|قد يهمك|قد يعجبك|مواضيع ذات صلة|شاهد أيضاً?|شاهد)\s*(?:أيضً?ا|أيضاً|ايضا)?\s*(?:[:：|/]|\.\.|…)|^(?:\.\.\s*)?(?:أيضاً?|ايضا)\s*(?:[:：|/]|\.\.|…)|^اقرأ\s*(?:\.\.|…)|^(?:read more|read also|also read|related|see also|watch|more)\s*[:：|]|^(?:à lire aussi|a lire aussi|lire aussi|lire également|voir aussi|à voir aussi|regarder)\s*[:：|]/iu;

/**
 * A video or photo teaser label opening a title: `شاهد.. X`, `شاهد: X`,
 * `بالصور: X`, `بالفيديو.. X`, `WATCH: X`, `VIDEO: X`, `VIDÉO. X`,
 * `EN IMAGES. X`. Inside the body such a line links to another page; as the
 * article's first line it is the article's own title.
 */
const MEDIA_TEASER_TITLE = /^(?:شاهد(?:وا)?|شاهد بالصور|شاهد بالفيديو|بالصور|بالفيديو|فيديو|صور)\s*(?:\.\.+|…|[:：|])\s*(?!أيض|ايض)\S|^(?:watch|video|photos|in pictures)\s*[:：|]\s*\S|^(?:en )?(?:vidéo|video|photos|images)\s*(?:[.:：|]|\s[-–—])\s*\S/iu;

/** True when the line opens with a video or photo teaser label followed by a title (see {@link MEDIA_TEASER_TITLE}). */
export function isMediaTeaserTitle(line: string): boolean {
  return line.length <= 400 && MEDIA_TEASER_TITLE.test(line);
}

/** Advertisement labels alone on a line. */
const AD_LABEL = /^(?:advertisement|advertising|sponsored(?: content)?|publicité|annonce|إعلان|اعلان|مساحة إعلانية)\s*(?:[:.]|[-–—]\s*.{0,40})?$/iu;

/** A source line (usually the last): `المصدر`, `المصدر: وكالات`, `Source: Reuters`. */
const SOURCE_LINE = /^(?:المصدر|المصادر|مصدر الخبر|source|sources|source de l['’]article)\s*(?:[:：\-–—]\s*.{0,80})?$/iu;

/** Wire credit lines at the end: `Reporting by …; Editing by …`, `Compiled by …`. */
const WIRE_CREDIT = /^(?:\(?\s*)?(?:additional )?(?:reporting|writing|editing|compiled|translated|edited) by\b.{0,150}$|^(?:avec|with) (?:agences|afp|reuters|ap)\b.{0,30}$/iu;

/** Agency credit line: `فرانس24/ أ ف ب`, `(AFP)`, `— Reuters`, `avec AFP`. */
const CREDIT_LINE = /^[(\-–—\s]*(?:(?:فرانس\s?24|france\s?24|bbc|cnn)\s*\/?\s*)?(?:أ\s?ف\s?ب|رويترز|أ ب|د ب أ|وكالات|afp|reuters|ap|dpa|ansa|xinhua)(?:\s*[/،,و&]\s*(?:أ\s?ف\s?ب|رويترز|أ ب|وكالات|afp|reuters|ap|dpa))*[)\s.]*$|^(?:avec|with)\s+(?:afp|reuters|ap|agences)[.\s]*$|^فرانس\s?24\s*\/.{0,40}$/iu;

/** Promotions, disclaimers and calls to action that are never article text. */
const PROMOS: readonly RegExp[] = [
  /^يمكنكم (?:استلام|تسلم) إشعارات/u,
  /^نشر هذا المقال بالتعاون مع/u,
  /^(?:تابعونا على|تابعوا آخر الأخبار|اشترك(?:وا)? في|حمّ?ل تطبيق)/u,
  /^(?:sign up|subscribe|follow us|click here|share this|download the|get our|newsletter)\b/iu,
  /^(?:inscrivez-vous|abonnez-vous|suivez-nous|cliquez ici|téléchargez)\b/iu,
  /^(?:copyright|©|all rights reserved|tous droits réservés|جميع الحقوق محفوظة)/iu,
  /^(?:image (?:caption|copyright|source)|media (?:caption|playback)|getty images(?:\s*[/|]\s*\S+)?\s*$|photo(?:graph)?\s*:|crédit photo|légende|مصدر الصورة|التعليق على الصورة)/iu,
  /^(?:story|article) continues (?:below|after)|^la suite après (?:cette )?publicité|^article réservé aux abonnés|^vous avez lu \d+ ?%|^شارك(?:وا)? (?:هذا )?(?:المقال|الخبر)/iu,
  /^شاهد(?:وا)?\s.{0,200}(?:الفيديو|فيديو|الصور)|^(?:watch|see) (?:the|this|our) (?:video|photos)\b|^(?:regardez|voir) (?:la|notre|cette) vidéo\b/iu,
  /^(?:continue reading|follow \S+(?: \S+)? on (?:twitter|x|facebook|instagram)|poursuivre la lecture)\b/iu,
  // Page furniture: share buttons, reading time, paywall counters.
  /^(?:share|save|comment|comments|print|email|copy link|listen(?: to this article)?|follow|partager|imprimer|envoyer|commenter|offrir cet article|écouter cet article|مشاركة|طباعة|حفظ|تعليقات)\s*$|^(?:\d{1,2} min(?:ute)?s? read|lecture \d{1,2} min\.?|temps de lecture\s*:?\s*\d{1,2} min(?:utes)?\.?|il vous reste \d{1,3} ?% de cet article à lire)/iu,
  // Social-media embeds: the footer of an Instagram post or of a tweet (`— Name (@handle) July 18, 2018`).
  /^a post shared by\b|^[—–-]{1,2}\s*[^\n]{1,80}\(@\w{1,30}\)[^\n]{0,40}$|^pic\.twitter\.com\/\S+$/iu,
  // Links to video and photo pages, live coverage, captions and photo credits.
  /^(?:بالصور|بالفيديو|فيديو|صور|شاهد بالصور|شاهد بالفيديو)\s*[:：|]|^تابعوا(?: مباشرة| البث| الحدث| تغطيتنا)|^(?:الصورة|صورة|تصوير|حقوق الصورة)\s*[:：]/u,
  /^\(?(?:photo|photograph|picture|image|video|vidéo|photo credit|credit|crédit(?: photo)?|crédits photo|légende)\s*[:：]|^(?:listen|écouter|regarder|watch live|live updates?)\s*[:：|]|^(?:à lire aussi|a lire aussi|lire aussi)\s/iu,
];

/**
 * A caption: a short line ending in a photo credit (`… (Photo: Jane Doe/AP)`,
 * `… AFP/Getty Images`, `… REUTERS/John Smith`, `(تصوير: …)`).
 */
const CAPTION_LABEL = /\((?:photo|photograph|image|picture|crédit(?: photo)?|photo credit|تصوير|الصورة)\s*[:：][^()\n]{1,80}\)\.?$/iu;
const CAPTION_CREDIT = /(?:(?:^|[\s.(])(?:(?:AFP|AP|EPA|Reuters|Anadolu|NurPhoto|SOPA Images)(?: via |\/)Getty Images|Getty Images|AFP\/Getty|AP Photo\/\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}|REUTERS\/\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}|EPA-EFE\/\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}|Shutterstock))\)?\.?$/u;
/** Words a caption may have at most. */
const MAX_CAPTION_WORDS = 60;

/** True when the line is a short caption ending in a photo credit. */
export function isCaptionLine(line: string): boolean {
  if (line.length > 600) return false;
  const last = line.charCodeAt(line.length - 1);
  if (last !== 0x29 && last !== 0x2e && !(last >= 0x61 && last <= 0x7a) && !(last >= 0x41 && last <= 0x5a)) return false; // ) . or a letter
  const credit = hasCreditName(line) && CAPTION_CREDIT.test(line);
  if (!credit && !(endsWithParenthesis(line) && CAPTION_LABEL.test(line))) return false;
  return line.split(' ').length <= MAX_CAPTION_WORDS;
}

/** A literal every credit of {@link CAPTION_CREDIT} contains: one quick scan, as that unanchored expression is tried at every position. */
const CREDIT_NAME = /Getty|Shutterstock|AP Photo\/|REUTERS\/|EPA-EFE\//;

function hasCreditName(line: string): boolean {
  return CREDIT_NAME.test(line);
}

/** Whether the line ends in `)` or `).`, as {@link CAPTION_LABEL} requires. */
function endsWithParenthesis(line: string): boolean {
  const last = line.length - 1;
  return line.charCodeAt(last) === 0x29 || (line.charCodeAt(last) === 0x2e && line.charCodeAt(last - 1) === 0x29);
}

/** A bare link on its own line. */
const URL_LINE = /^(?:<)?(?:https?:\/\/|www\.)\S+(?:>)?$/iu;

/** Separator lines made of dashes, underscores, stars, equals signs. */
const SEPARATOR = /^[\s\-_=*~•·.—–]{3,}$/u;

/** True when the line is a read-more marker on its own (related headlines follow). */
export function isReadMoreMarker(line: string): boolean {
  return READ_MORE_ALONE.test(line);
}

/** True when the line is a read-more marker with a linked headline, or a known promotion, ad label or separator. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > 400) return false;
  ANY_BOILERPLATE.lastIndex = 0;
  return ANY_BOILERPLATE.test(line) || (line.includes('هنا') && CLICK_HERE.test(line)) || (line.includes('بالعربية لا') && CNN_DISCLAIMER.test(line)) || isCaptionLine(line);
}

/** CNN's disclaimer (kept apart: its free lead-in would make the combined expression try `CNN` at forty positions on every line). */
const CNN_DISCLAIMER = /^[^.!?؟]{0,40}CNN بالعربية لا (?:يمكنه|يمكنها)/iu;

/** `… اضغط هنا` at the end of a line (kept apart: unanchored at the start). */
const CLICK_HERE = /(?:اضغط|بالضغط) هنا[.!]?$/u;

/**
 * Every line pattern above in one expression: one scan per line instead of
 * fifteen. Each alternative is anchored at the start, so the expression is
 * sticky: it is tried at position 0 only, not at every character.
 */
const ANY_BOILERPLATE = new RegExp([READ_MORE_INLINE, AD_LABEL, SEPARATOR, URL_LINE, ...PROMOS].map((re) => `(?:${re.source})`).join('|'), 'iuy');

/** True when the line is a source or agency-credit line (dropped near the end of an article). */
export function isSourceLine(line: string): boolean {
  return line.length <= 200 && (SOURCE_LINE.test(line) || CREDIT_LINE.test(line) || WIRE_CREDIT.test(line));
}
