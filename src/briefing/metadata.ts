/**
 * Bylines and datelines: kept as metadata, out of the summary.
 */

const BYLINE = /^(?:(?:ال)?تحليل|مقال(?: رأي)?|رأي|analysis|opinion|commentary|analyse|tribune|éditorial)?\s*[:：|\-–—]?\s*(?:by|par|بقلم|كتب|كتبت|إعداد|اعداد|تقرير)\s*[:：]?\s+(\S.{1,118})$/iu;
const BYLINE_DISCLAIMER = /^هذا (?:المقال|التقرير|التحليل) بقلم\s+([^،,.]{2,80})/u;

const TIMESTAMP_LINE = /^(?:published|updated|last updated|last modified|modified|posted|publié|mis à jour|modifié|نشر|نُشر|تم النشر|تاريخ النشر|آخر تحديث|محدث)\b\s*(?:le|on|at|في|بتاريخ)?\s*[:：]?\s*\S.{0,100}$/iu;

const AGENCIES = String.raw`CNN|AFP|AP|Reuters|BBC|Xinhua|dpa|ANSA|UPI|Bloomberg|AA|CNBC|رويترز|أ ف ب|أ\.ف\.ب|فرانس برس|د ب أ|الأناضول|واس|وام|قنا|كونا|سانا|بترا|سبأ`;
/** `(CNN) --`, `PLACE (AFP) -`, `دبي، الإمارات العربية المتحدة (CNN)—`, `(CNN)The storm…` (case-sensitive agency names). */
/** A place name before the agency: up to seven capitalised (or Arabic) words, `WOODSIDE, Calif.`, `دبي، الإمارات العربية المتحدة`. */
const PLACE = String.raw`(?:[\p{Lu}\p{Script=Arabic}][^\s()]{0,30}(?:[\s,،]+|(?=\())){0,7}(?:[-–—]{1,2}\s*)?`;
/** The date Reuters and AFP put between place and agency: `WASHINGTON, March 20 (Reuters)`, `PARIS, 16 mars 2023 (AFP)`. */
const WIRE_DATE = String.raw`(?:,?\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?)(?:,?\s+\d{4})?\s*)?`;
const AGENCY_DATELINE = new RegExp(String.raw`^(${PLACE}${WIRE_DATE}\(\s*(?:${AGENCIES})\s*\))[\s.]*(?:[-–—]{1,2}|:|(?=\p{Lu}|\p{Script=Arabic}))\s*`, 'u');
/** `PARIS —`, `WASHINGTON, D.C. --`, `NEW YORK -` (capitals only). */
const CAPS_DATELINE = /^((?:[A-Z][A-Z.'’-]+)(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3})\s+[-–—]{1,2}\s+(?=\S)/u;
/** `Paris —` / `Beyrouth –`: one or two capitalised words and a long dash. */
const TITLE_DATELINE = /^((?:\p{Lu}[\p{L}'’-]+)(?:[ ,]+\p{Lu}[\p{L}'’-]+){0,2})\s+[—–]\s+(?=\S)/u;

/** Cities that open Arabic datelines (`القاهرة -`, `بيروت ـ`). */
const ARABIC_CITIES = new Set([
  'القاهرة', 'الرياض', 'جدة', 'دبي', 'أبوظبي', 'ابوظبي', 'الدوحة', 'الكويت', 'المنامة', 'مسقط', 'عمان', 'عمّان', 'بيروت', 'دمشق',
  'بغداد', 'أربيل', 'البصرة', 'الموصل', 'القدس', 'رام الله', 'غزة', 'تل أبيب', 'الخرطوم', 'طرابلس', 'بنغازي', 'تونس', 'الجزائر',
  'الرباط', 'الدار البيضاء', 'نواكشوط', 'صنعاء', 'عدن', 'أنقرة', 'إسطنبول', 'اسطنبول', 'طهران', 'موسكو', 'واشنطن', 'نيويورك',
  'لندن', 'باريس', 'برلين', 'بروكسل', 'جنيف', 'روما', 'مدريد', 'بكين', 'طوكيو', 'نيودلهي', 'إسلام آباد', 'كابول', 'الإسكندرية',
  'حلب', 'إدلب', 'حمص', 'درعا', 'اللاذقية', 'كييف', 'أتلانتا', 'فيينا', 'أثينا', 'القامشلي', 'الحسكة', 'نابلس', 'الخليل', 'جنين',
]);
const ARABIC_DATELINE = /^([\p{Script=Arabic} ]{2,30}?)(?:\s*[،,]\s*[\p{Script=Arabic} ]{2,30}?)?\s*(?:\([^()]{1,20}\)\s*)?[-–—ـ]{1,2}\s+(?=\S)/u;
/**
 * The source after an Arabic city's dash, which goes with the dateline: a
 * source in parentheses or marks before a dash or colon (`(وكالة) -`,
 * `«القدس العربي»:`), an agency before a colon (`واس:`), or one to three
 * Arabic words before a dash (`الرأي-`, `محمد أحمد -`).
 */
const ARABIC_SOURCE = new RegExp(String.raw`^(?:(?:\([^()]{1,25}\)|«[^«»]{1,30}»|"[^"]{1,30}"|(?:${AGENCIES}))\s*[-–—ـ:]{1,2}|[\p{Script=Arabic}]+(?: [\p{Script=Arabic}]+){0,2}\s*[-–—ـ]{1,2})\s+(?=\S)`, 'u');

/** The byline text of a `By …` / `Par …` / `بقلم …` line, or undefined. */
export function matchByline(line: string): string | undefined {
  const disclaimer = line.length <= 600 ? BYLINE_DISCLAIMER.exec(line) : null;
  if (disclaimer) return `بقلم ${disclaimer[1]!.trim()}`;
  if (line.length > 160) return undefined;
  const match = BYLINE.exec(line);
  if (!match) return undefined;
  const words = line.split(/\s+/).length;
  if (words > 14 || /[.!?؟]$/.test(line) && words > 8) return undefined;
  return line.replace(/[.\s]+$/, '');
}

/** True when the line is only a publication timestamp (`Published 10:30 GMT`, `نشر في …`). */
export function isTimestampLine(line: string): boolean {
  return line.length <= 120 && line.split(/\s+/).length <= 12 && TIMESTAMP_LINE.test(line) && !/[.!?؟]\s*\S/.test(line);
}

/**
 * Split a dateline (`(CNN) --`, `PARIS —`, `القاهرة -`) off the start of a
 * paragraph. Returns the dateline and the rest, or undefined.
 */
export function splitDateline(paragraph: string): { dateline: string; rest: string } | undefined {
  // Each expression runs only when the text has what it cannot match without: `(`, a capital first, a long dash, any dash.
  const first = paragraph.charCodeAt(0);
  const dash = paragraph.includes('—') || paragraph.includes('–');
  const candidates = [
    paragraph.includes('(') ? AGENCY_DATELINE : undefined,
    first >= 0x41 && first <= 0x5a ? CAPS_DATELINE : undefined,
    dash && !(first >= 0x0600 && first <= 0x06ff) ? TITLE_DATELINE : undefined, // the Arabic block has no capitals
  ];
  for (const re of candidates) {
    const match = re?.exec(paragraph);
    if (match && match[0].length < paragraph.length) return done(match[0], paragraph);
  }
  if (!dash && !paragraph.includes('-') && !paragraph.includes('ـ')) return undefined;
  const arabic = ARABIC_DATELINE.exec(paragraph);
  if (!arabic || !ARABIC_CITIES.has(arabic[1]!.trim())) return undefined;
  const source = ARABIC_SOURCE.exec(paragraph.slice(arabic[0].length));
  return done(source ? arabic[0] + source[0] : arabic[0], paragraph);
}

/** True when the paragraph opens with an agency dateline (`PLACE (CNN) —`): the start of an article. */
export function startsWithAgencyDateline(paragraph: string): boolean {
  return paragraph.includes('(') && AGENCY_DATELINE.test(paragraph);
}

function done(prefix: string, paragraph: string): { dateline: string; rest: string } | undefined {
  // `(CNN)- - أعلنت`: a stray second dash or comma left by the scraper goes with the dateline.
  const rest = paragraph.slice(prefix.length).replace(/^[\s\-–—,،:]+/u, '').trim();
  const dateline = prefix.trim();
  if (rest === '' || dateline === '') return undefined;
  return { dateline, rest };
}
