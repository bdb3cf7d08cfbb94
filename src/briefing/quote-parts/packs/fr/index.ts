/** French: the Latin-script reader with the French speech words. */
import * as lexicon from './lexicon';
import { frenchSpeechWord } from './speech';
import { latinPack } from '../latin/index';

export const fr = latinPack(frenchSpeechWord, lexicon);
