/** Every IANA time zone name this runtime knows, plus `UTC`, sorted. Computed once. */
export const TIME_ZONES: readonly string[] = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();

const byLowerCase = new Map(TIME_ZONES.map((zone) => [zone.toLowerCase(), zone]));

/**
 * The canonical spelling of a time zone name (case-insensitive; aliases such
 * as `US/Eastern` or `Etc/GMT+3` that the runtime accepts are kept), or
 * undefined if the runtime does not know it.
 */
export function normalizeTimeZone(input: string): string | undefined {
  const name = input.trim();
  if (!name || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  const known = byLowerCase.get(name.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Time zones matching what the user has typed so far, for autocomplete:
 * prefix matches of the whole name or of its city part first, then substring
 * matches; spaces count as underscores. At most `limit`.
 */
export function suggestTimeZones(query: string, limit = 25): string[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return ['UTC', ...TIME_ZONES.filter((zone) => zone !== 'UTC')].slice(0, limit);
  const ranked: Array<[number, string]> = [];
  for (const zone of TIME_ZONES) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf('/') + 1);
    const rank = lower.startsWith(q) ? 0 : city.startsWith(q) ? 1 : lower.includes(q) ? 2 : -1;
    if (rank >= 0) ranked.push([rank, zone]);
  }
  return ranked.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).slice(0, limit).map(([, zone]) => zone);
}
