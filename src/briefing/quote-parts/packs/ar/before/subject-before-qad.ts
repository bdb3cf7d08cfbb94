/** `وكانت الشركة قد وصفت …`: the subject stands before قد and the verb; what follows is the verb's object. */
import { arabicSubjectBefore, introducedFragment } from '../clauses';
import { speechVerb, type ArabicBeforeContext } from '../context';
import { ARABIC_INTRODUCERS } from '../lexicon';
import type { Rule } from '../../types';


export const subjectBeforeQad: Rule<ArabicBeforeContext> = {
  name: 'subject-before-qad',
  examples: [
    { input: 'وكان وزير الخارجية الروسي قد قال إن "الحوار ممكن"', expected: { role: 'وزير الخارجية الروسي', fragment: false } },
  ],
  match(context) {
    const speech = speechVerb(context);
    const { tokens } = context;
    if (!speech || speech.v === 0 || (tokens[speech.v - 1]!.norm !== 'قد' && tokens[speech.v - 1]!.norm !== 'لقد')) return undefined;
    const subject = arabicSubjectBefore(tokens.slice(0, speech.v));
    if (!subject) return undefined;
    const rest = tokens.slice(speech.v + 1);
    const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
    return { phrase: subject, continuation: false, gender: speech.match.gender, fragment: stop === -1 ? rest.length > 0 : introducedFragment(rest.slice(stop)) };
  },
};
