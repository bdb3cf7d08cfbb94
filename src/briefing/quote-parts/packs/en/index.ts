/** English: the Latin-script reader with the English speech words. */
import * as speechWords from './lexicon';
import { latinPack } from '../latin/index';

export const en = latinPack('en', speechWords);
