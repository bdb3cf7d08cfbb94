import type { CommandInteractionOption, Interaction } from 'discord.js';
import type { Language } from '../briefing/schema';
import { languageOfLocale } from './labels';

/** Letters of the Arabic script (base block, supplement, extended-A, presentation forms). */
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]/;

/**
 * The language to answer a user in. Discord has no Arabic client locale, so
 * an Arabic reader's `locale` is English or French: what they typed decides
 * first (Arabic letters in any text option, subcommands included → Arabic),
 * then the locale (`fr*` → French, anything else → English).
 */
export function languageOfInteraction(interaction: Interaction): Language {
  if ((interaction.isChatInputCommand() || interaction.isAutocomplete()) && typedArabic(interaction.options.data)) return 'ar';
  return languageOfLocale(interaction.locale);
}

function typedArabic(options: readonly CommandInteractionOption[]): boolean {
  return options.some((option) => (typeof option.value === 'string' && ARABIC_LETTER.test(option.value)) || (option.options !== undefined && typedArabic(option.options)));
}
