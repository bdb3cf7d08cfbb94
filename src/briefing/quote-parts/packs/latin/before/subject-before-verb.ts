/** "Jane Smith, the mayor, said:", « La maire Anne Vignot a déclaré qu'elle … »: the subject before the verb; its own pronoun after the verb tells the gender. */
import { ownPronoun } from '../clauses';
import { fragmentOf, onSpeechWord, subjectOf, type LatinBeforeContext } from '../context';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const subjectBeforeVerb: Rule<LatinBeforeContext> = {
  name: 'subject-before-verb',
  examples: [
    { language: 'en', input: 'Jane Smith, the mayor, said: "the bridge will reopen".', expected: { name: 'Jane Smith', role: 'the mayor', fragment: false } },
    { language: 'fr', input: 'Le maire Anne Vignot a déclaré qu’elle « ne céderait pas »', expected: { name: 'Anne Vignot', role: 'Le maire', gender: 'f', fragment: false } },
    { language: 'fr', input: 'Jean Martin a écrit sur X : « Nous ne reculerons pas. »', expected: { name: 'Jean Martin', fragment: false } },
  ],
  match(context) {
    if (!onSpeechWord(context)) return undefined;
    const subject = subjectOf(context);
    if (!hasPhrase(subject)) return undefined;
    const own = ownPronoun(context.lowered, context.v + context.match.length);
    if (own) {
      subject.gender = own;
      delete subject.weakGender;
    }
    return { phrase: subject, continuation: false, gender: subject.gender ?? 'unknown', fragment: fragmentOf(context) };
  },
};
