/** English: the Latin-script reader with the English speech words. */
import * as lexicon from './lexicon';
import { englishSpeechWord } from './speech';
import { latinPack } from '../latin/index';

export const en = latinPack(englishSpeechWord, lexicon);
