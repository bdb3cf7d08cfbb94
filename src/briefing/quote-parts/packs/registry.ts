/**
 * The language packs of quote attribution, by language. Adding a language is
 * one folder beside `ar/`, `en/`, `fr/` and one line here.
 */
import { ar } from './ar/index';
import { en } from './en/index';
import { fr } from './fr/index';
import * as english from './en/lexicon';
import { englishSpeechWord } from './en/speech';
import * as french from './fr/lexicon';
import { frenchSpeechWord } from './fr/speech';
import { latinPack } from './latin/index';
import type { LanguagePack } from './types';
import type { Language } from '../../schema';

/** Every pack, by language code. */
export const PACKS = { ar, en, fr } as const satisfies Readonly<Record<string, LanguagePack>>;

/** Text in a language the engine does not know: the Latin-script reader with the English and French speech words. */
const OTHER = latinPack((lowered, i) => frenchSpeechWord(lowered, i) ?? englishSpeechWord(lowered, i), { ...english, ...french });

/** The pack that reads `language`. */
export function packFor(language: Language): LanguagePack {
  return language === 'other' ? OTHER : PACKS[language];
}
