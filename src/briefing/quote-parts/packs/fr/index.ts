/** French: the Latin-script reader with the French speech words. */
import * as speechWords from './lexicon';
import { latinPack } from '../latin/index';

export const fr = latinPack('fr', speechWords);
