import type { BenchRow } from './types';

/**
 * Format a number for a table cell: `—` for a missing figure (NaN), fewer
 * decimals the larger the value, and the unit after a space.
 */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : `${value > 0 ? '∞' : '-∞'} ${unit}`.trim();
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 0.1 ? 2 : abs === 0 ? 0 : 3;
  const text = value.toFixed(digits);
  return unit ? `${text} ${unit}` : text;
}

/** The ✓/✗ mark of a row; blank when it has no goal. */
export function passMark(row: Pick<BenchRow, 'pass'>): string {
  if (row.pass === undefined) return '';
  return row.pass ? '✓' : '✗';
}

/** Number of terminal columns a cell takes (code points; combining marks count zero). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) if (!/\p{M}/u.test(ch)) width++;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Lay out rows as a plain-text table: one line per cell row, columns padded
 * to the widest cell, the last column left unpadded. The first row is the
 * header, followed by a rule.
 */
export function layoutColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === cells.length - 1 ? cell : pad(cell, widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * The benchmark table: group, figure, value, goal, ✓/✗ and note, in the
 * order the rows came, with a blank group cell when it repeats.
 */
export function formatTable(rows: readonly BenchRow[]): string {
  let lastGroup = '';
  const cells = rows.map((row) => {
    const group = row.group === lastGroup ? '' : row.group;
    lastGroup = row.group;
    return [group, row.name, formatValue(row.value, row.unit), row.goal ?? '', passMark(row), row.note ?? ''];
  });
  return layoutColumns(['group', 'figure', 'value', 'goal', 'ok', 'note'], cells);
}

/** One line counting goals met and missed, e.g. `9 of 11 goals met; missed: engine/seed median`. */
export function formatVerdict(rows: readonly BenchRow[]): string {
  const judged = rows.filter((r) => r.pass !== undefined);
  const missed = judged.filter((r) => r.pass === false);
  const head = `${judged.length - missed.length} of ${judged.length} goals met`;
  return missed.length === 0 ? head : `${head}; missed: ${missed.map((r) => `${r.group}/${r.name}`).join(', ')}`;
}
