import { describe, expect, it } from 'vitest';
import { EXTRACT_GOAL_MS, extractAndBrief, extractRow } from '../../bench/web';
import { pageBytes } from '../support/web-fixtures';

describe('web bench rows', () => {
  it.each([
    ['within the goal', [10, 20, 30], true],
    ['over the goal', [50, 60, 70], false],
  ])('judges the median %s', (_name, wall, pass) => {
    const row = extractRow(wall, [5, 6, 7], [{ id: 'a', medianMs: 20 }, { id: 'b', medianMs: 65 }]);
    expect(row).toMatchObject({ group: 'web', unit: 'ms', goal: `≤ ${EXTRACT_GOAL_MS} ms`, pass });
    expect(row.value).toBe(wall[1]);
    expect(row.note).toBe('CPU time median 6.0 ms; slowest page b 65.0 ms');
  });

  it.each([['en-bbc-1' as const], ['fr-lemonde-2023' as const], ['ar-cnnarabic-2013' as const]])('briefs the real page %s from its bytes', (id) => {
    expect(extractAndBrief(pageBytes(id))).toBeGreaterThan(0);
  });
});
