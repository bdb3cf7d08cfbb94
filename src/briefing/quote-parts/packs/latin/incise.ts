/**
 * French incises inside the marks: « A, souligne-t-elle. B » or « A, poursuit
 * Mme Binet. B » is two quotations, A and B, and the incise between them says
 * who spoke both.
 */
import type { Language } from '../../../schema';
import { englishSpeechWord } from '../en/speech';
import { frenchSpeechWord } from '../fr/speech';
import type { MarkSpan } from '../../marks';

/**
 * `, verb-t-il.` / `, verb Name Name.` followed by more quoted text. The
 * verb is checked against the speech words of the language; a name is one
 * to four capitalised words (with `M.`, `Mme`, `Mr.`).
 */
const INCISE = /[,،]\s+([\p{Ll}’'-]+(?:-t)?-(?:il|elle|ils|elles|on)|[\p{Ll}]+\s+(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)?\s*\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3})\s*\.\s+(?=[\p{Lu}\p{N}«"“])/gu;

function isSpeechVerb(word: string, language: Language): boolean {
  const lowered = [word.toLowerCase().replace(/’/g, "'")];
  const fr = frenchSpeechWord(lowered, 0);
  if (fr?.kind === 'verb') return true;
  return language !== 'fr' && englishSpeechWord(lowered, 0)?.kind === 'verb';
}

/** Split one closed quotation at its incises, if any; positions stay those of `text`, the paragraph. */
function splitSpan(text: string, span: MarkSpan, language: Language): MarkSpan[] {
  if (!span.closed) return [span];
  const inner = text.slice(span.open + 1, span.close - 1);
  const parts: MarkSpan[] = [];
  let start = span.open;
  INCISE.lastIndex = 0;
  for (let m = INCISE.exec(inner); m; m = INCISE.exec(inner)) {
    const verb = m[1]!.split(/\s+/u)[0]!;
    if (!isSpeechVerb(verb, language)) continue;
    const comma = span.open + 1 + m.index;
    const piece = text.slice(start + 1, comma + 1).trim();
    if (piece === '') continue;
    parts.push({ open: start, close: comma + 1, text: piece, closed: true });
    start = span.open + m.index + m[0].length; // the position before the next part, as if a mark stood there
  }
  if (parts.length === 0) return [span];
  parts.push({ open: start, close: span.close, text: text.slice(start + 1, span.close - 1).trim(), closed: true });
  return parts.filter((p) => p.text !== '');
}

/** The quotations of a paragraph with French incises split out (Latin-script languages only). */
export function splitIncises(text: string, spans: readonly MarkSpan[], language: Language): MarkSpan[] {
  if (language === 'ar' || !spans.some((s) => s.closed && s.close - s.open > 20)) return spans as MarkSpan[];
  return spans.flatMap((span) => splitSpan(text, span, language));
}
