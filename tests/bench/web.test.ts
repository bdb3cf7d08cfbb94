import { describe, expect, it } from 'vitest';
import { EXTRACT_GOAL_MS, extractAndBrief, extractRows } from '../../bench/web';
import { pageBytes } from '../support/web-fixtures';

describe('web bench rows', () => {
  it.each([
    ['both within the goal', [10, 20, 30], [5, 6, 7], true, true],
    ['wall over the goal, CPU within (a shared machine)', [50, 60, 70], [15, 16, 17], false, true],
    ['both over the goal', [50, 60, 70], [45, 46, 47], false, false],
  ])('shows the median wall and CPU time beside the goal: %s', (_name, wallMs, cpuMs, wallPass, cpuPass) => {
    const [wall, cpu] = extractRows({ wallMs, cpuMs }, [{ id: 'a', medianMs: 20 }, { id: 'b', medianMs: 65 }]);
    const goal = `≤ ${EXTRACT_GOAL_MS} ms`;
    expect(wall).toMatchObject({ group: 'web', unit: 'ms', goal, pass: wallPass, value: wallMs[1] });
    expect(wall!.name).toMatch(/median wall$/);
    expect(wall!.note).toBe('3 runs, pages interleaved; slowest page b 65.0 ms wall');
    expect(cpu).toMatchObject({ group: 'web', unit: 'ms', goal, pass: cpuPass, value: cpuMs[1] });
    expect(cpu!.name).toMatch(/median CPU time$/);
  });

  it.each([['en-bbc-1' as const], ['fr-lemonde-2023' as const], ['ar-cnnarabic-2013' as const]])('briefs the real page %s from its bytes', (id) => {
    expect(extractAndBrief(pageBytes(id))).toBeGreaterThan(0);
  });
});
