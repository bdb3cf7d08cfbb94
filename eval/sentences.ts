/**
 * A plain sentence splitter for the baselines (LEAD, ORACLE): paragraphs are
 * lines; a sentence ends at `.`, `!`, `?`, `؟` or `…` (possibly followed by a
 * closing quote or bracket) before whitespace. Decimals such as 1.8 never
 * split because no space follows the point.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const parts = paragraph.split(/(?<=[.!?؟…]+["'”’»)\]]*)\s+/u);
    for (const part of parts) {
      const s = part.trim();
      if (s) out.push(s);
    }
  }
  return out;
}
