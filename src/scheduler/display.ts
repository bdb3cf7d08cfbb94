/** Discord timestamp markup (`<t:…:R>` shows "in 3 hours" in each reader's locale). */
export function discordTime(epochMs: number, style: 'R' | 'f' | 'F' | 't' = 'R'): string {
  return `<t:${Math.floor(epochMs / 1000)}:${style}>`;
}

/** `when` for display: inside a code span, so no markdown and no backticks. */
export function displayWhen(when: string): string {
  return `\`${when.replace(/`/g, "'").slice(0, 60)}\``;
}
