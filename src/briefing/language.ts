import type { Direction, Language } from './schema';

/** Share of letters in the Arabic script above which a text is Arabic. */
const ARABIC_SHARE = 0.3;
/** Characters sampled for detection (enough for a confident answer, bounded for huge input). */
const SAMPLE = 20_000;

const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'as', 'he', 'she', 'said', 'by', 'at', 'from', 'his', 'her', 'they', 'this', 'have', 'has', 'be', 'are', 'were', 'an', 'which', 'not', 'but', 'will', 'would', 'their', 'been', 'who', 'after', 'about', 'more']);
const FR_WORDS = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'que', 'qui', 'dans', 'pour', 'sur', 'pas', 'au', 'aux', 'il', 'elle', 'ne', 'se', 'ce', 'cette', 'avec', 'par', 'sont', 'ont', 'mais', 'ou', 'son', 'sa', 'ses', 'leur', 'été', 'être', 'selon', 'après', 'aussi', 'plus', 'l', 'd', 'qu']);

/** Languages named by front matter or options, mapped onto the engine's set. */
export function languageFromCode(code: string | undefined): Language | undefined {
  if (!code) return undefined;
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'ar' || base === 'ara' || base === 'arabic') return 'ar';
  if (base === 'en' || base === 'eng' || base === 'english') return 'en';
  if (base === 'fr' || base === 'fra' || base === 'fre' || base === 'french') return 'fr';
  return base === '' ? undefined : 'other';
}

/**
 * Detect the language of a text: Arabic by the share of Arabic-script
 * letters; English versus French by stop words and French diacritics;
 * anything else is `other`.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let arabic = 0;
  let latin = 0;
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    // Settled: even if every code unit left were a Latin letter, the text would stay Arabic.
    if ((i & 0xff) === 0 && isSurelyArabic(arabic, latin, letters, sample.length - i)) return 'ar';
    const code = sample.charCodeAt(i);
    if (code < 0x41) continue;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) {
      latin++;
      letters++;
    } else if ((code >= 0x620 && code <= 0x64a) || (code >= 0x66e && code <= 0x6d3) || (code >= 0x6fa && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfefc)) {
      arabic++;
      letters++;
    } else if (code >= 0x370 && isOtherLetter(sample, i)) {
      letters++;
    }
  }
  if (letters === 0) return 'other';
  if (arabic / letters >= ARABIC_SHARE && arabic >= latin) return 'ar';
  if (latin / letters < 0.5) return 'other';
  let en = 0;
  let fr = 0;
  for (const match of sample.toLowerCase().matchAll(/[a-zàâçéèêëîïôûùüÿœæ]+/g)) {
    const word = match[0];
    if (EN_WORDS.has(word)) en++;
    if (FR_WORDS.has(word)) fr++;
    if (/[éèêàçùœ]/.test(word)) fr += 0.5;
  }
  if (en === 0 && fr === 0) return 'other';
  return fr > en ? 'fr' : 'en';
}

/** Whether counts so far decide for Arabic whatever the `left` code units still to count (each adds at most one letter). */
function isSurelyArabic(arabic: number, latin: number, letters: number, left: number): boolean {
  return arabic > 0 && arabic / (letters + left) >= ARABIC_SHARE && arabic >= latin + left;
}

/** Writing direction of a language (or of the text, for `other`). */
export function directionOf(language: Language, text = ''): Direction {
  if (language === 'ar') return 'rtl';
  if (language !== 'other') return 'ltr';
  const sample = text.slice(0, SAMPLE);
  const rtl = sample.match(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/g)?.length ?? 0;
  const ltr = sample.match(/[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/g)?.length ?? 0;
  return rtl > ltr ? 'rtl' : 'ltr';
}

function isOtherLetter(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) return false; // astral symbols (emoji…) are not letters worth counting
  // Arabic punctuation, marks and digits, and general punctuation (“ ” – …): no letters, no regex test.
  if ((code >= 0x0600 && code <= 0x061f) || (code >= 0x064b && code <= 0x066d) || (code >= 0x2000 && code <= 0x206f)) return false;
  return /\p{L}/u.test(text[i]!);
}
