import type { Language } from '../briefing/schema';
import type { LocalizedText } from '../errors';

/** Every user-visible label of the bot, in one language. */
export interface Labels {
  summary: string;
  keyQuotes: string;
  source: string;
  published: string;
  language: string;
  /** Name of the article's language, written in that language. */
  languageName: Record<Language, string>;
  unknownSpeaker: string;
  noQuotes: string;
  quoteResults: string;
  /** "Page 2 / 5". */
  page(current: number, total: number): string;
  previous: string;
  next: string;
  noResults: string;
  expired: string;
  /** A page button clicked by someone other than the user who searched. */
  notYourPages: string;
  emptyLibrary: string;
  genericError: string;
  /** An interaction of a kind this bot offers none of (a context menu, a newer Discord feature). */
  unsupported: string;
  /** Opening and closing quotation marks for this language. */
  quoteMarks: readonly [string, string];
}

const LANGUAGE_NAMES = {
  ar: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية', other: 'لغة أخرى' },
  en: { ar: 'Arabic', en: 'English', fr: 'French', other: 'Other' },
  fr: { ar: 'arabe', en: 'anglais', fr: 'français', other: 'autre' },
} as const satisfies Record<'ar' | 'en' | 'fr', Record<Language, string>>;

const AR: Labels = {
  summary: 'الملخص',
  keyQuotes: 'أبرز الاقتباسات',
  source: 'المصدر',
  published: 'تاريخ النشر',
  language: 'اللغة',
  languageName: LANGUAGE_NAMES.ar,
  unknownSpeaker: 'متحدث غير معروف',
  noQuotes: 'لا توجد اقتباسات في هذا المقال.',
  quoteResults: 'نتائج البحث في الاقتباسات',
  page: (current, total) => `صفحة ${current} من ${total}`,
  previous: 'السابق',
  next: 'التالي',
  noResults: 'لم يُعثر على أي اقتباس يطابق بحثك.',
  expired: 'انتهت صلاحية هذه الصفحات؛ أعد البحث باستخدام /quote.',
  notYourPages: 'يقلّب هذه الصفحات من أجرى البحث وحده؛ ابحث بنفسك باستخدام /quote.',
  emptyLibrary: 'المكتبة فارغة: لا توجد مقالات بعد.',
  genericError: 'حدث خطأ ما. حاول مرة أخرى بعد قليل.',
  unsupported: 'هذا الإجراء غير مدعوم في هذا البوت؛ استخدم /brief أو /quote.',
  quoteMarks: ['«', '»'],
};

const EN: Labels = {
  summary: 'Summary',
  keyQuotes: 'Key quotes',
  source: 'Source',
  published: 'Published',
  language: 'Language',
  languageName: LANGUAGE_NAMES.en,
  unknownSpeaker: 'Unknown speaker',
  noQuotes: 'No quotes in this article.',
  quoteResults: 'Quote search',
  page: (current, total) => `Page ${current} / ${total}`,
  previous: 'Previous',
  next: 'Next',
  noResults: 'No quote matches your search. Try other words, or no options for the newest article.',
  expired: 'These pages have expired; run /quote again.',
  notYourPages: 'Only the person who searched can turn these pages; run /quote yourself.',
  emptyLibrary: 'The library is empty: there are no articles yet.',
  genericError: 'Something went wrong. Please try again in a moment.',
  unsupported: 'This bot does not support that action; use /brief or /quote.',
  quoteMarks: ['“', '”'],
};

const FR: Labels = {
  summary: 'Résumé',
  keyQuotes: 'Citations clés',
  source: 'Source',
  published: 'Publié le',
  language: 'Langue',
  languageName: LANGUAGE_NAMES.fr,
  unknownSpeaker: 'Locuteur inconnu',
  noQuotes: 'Aucune citation dans cet article.',
  quoteResults: 'Recherche de citations',
  page: (current, total) => `Page ${current} / ${total}`,
  previous: 'Précédent',
  next: 'Suivant',
  noResults: 'Aucune citation ne correspond à votre recherche.',
  expired: 'Ces pages ont expiré ; relancez /quote.',
  notYourPages: 'Seule la personne qui a cherché peut tourner ces pages ; lancez /quote vous-même.',
  emptyLibrary: 'La bibliothèque est vide : aucun article pour l’instant.',
  genericError: 'Une erreur est survenue. Réessayez dans un instant.',
  unsupported: 'Ce bot ne prend pas en charge cette action ; utilisez /brief ou /quote.',
  quoteMarks: ['«\u202f', '\u202f»'],
};

/** Labels for a language; English for `other` and anything unknown. */
export function labelsFor(language: Language | string | undefined): Labels {
  switch (language) {
    case 'ar':
      return AR;
    case 'fr':
      return FR;
    default:
      return EN;
  }
}

/** One label in every answer language, for a {@link UserError} that says it (English in the logs). */
export function localizedLabel(pick: (labels: Labels) => string): LocalizedText {
  return { en: pick(EN), ar: pick(AR), fr: pick(FR) };
}

/**
 * The bot's language for a Discord locale (`ar`, `fr`, `en-US`…): Arabic and
 * French for those locales, English otherwise.
 */
export function languageOfLocale(locale: string | undefined | null): Language {
  if (!locale) return 'en';
  const base = locale.toLowerCase().split('-')[0];
  return base === 'ar' || base === 'fr' ? base : 'en';
}
