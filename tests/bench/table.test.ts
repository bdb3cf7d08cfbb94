import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, formatValue, formatVerdict, layoutColumns, passMark } from '../../bench/table';
import type { BenchRow } from '../../bench/types';

describe('formatValue', () => {
  it.each([
    [0.5567, 'ms', '0.56 ms'],
    [0.054, 'ms', '0.054 ms'],
    [7.654, 'ms', '7.65 ms'],
    [15.83, '×', '15.8 ×'],
    [121.4, 'ms', '121 ms'],
    [10_000, '', '10000'],
    [0, 'MB', '0 MB'],
    [Number.NaN, 'ms', '—'],
    [Number.POSITIVE_INFINITY, 'MB/s', '∞ MB/s'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('passMark', () => {
  it.each([
    [true, '✓'],
    [false, '✗'],
    [undefined, ''],
  ])('pass %s → "%s"', (pass, mark) => {
    expect(passMark({ pass })).toBe(mark);
  });
});

describe('displayWidth', () => {
  it.each([
    ['ascii', 'seed', 4],
    ['arabic letters', 'مرحبا', 5],
    ['arabic with diacritics counts letters only', 'مَرْحَبًا', 5],
    ['french accents precomposed', 'écrit', 5],
    ['marks', '✓', 1],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

const rows: BenchRow[] = [
  { group: 'engine', name: 'seed median', value: 0.42, unit: 'ms', goal: '≤ 1 ms', pass: true, note: '4.8 KB' },
  { group: 'engine', name: 'vs lexrank, seed', value: 17, unit: '×', note: 'lexrank 9.5 ms / ours 0.56 ms' },
  { group: 'library', name: 'start-up to ready', value: 11.3, unit: 's', goal: '≤ 5 s', pass: false },
  { group: 'bot', name: 'module did not run', value: Number.NaN, unit: '', pass: false, note: 'bench/bot.ts not found' },
];

describe('formatTable', () => {
  const lines = formatTable(rows).split('\n');

  it('starts with a header and a rule', () => {
    expect(lines[0]).toMatch(/^group\s+figure\s+value\s+goal\s+ok\s+note$/);
    expect(lines[1]).toMatch(/^─+( +─+)+$/);
    expect(lines).toHaveLength(2 + rows.length);
  });

  it.each([
    [2, ['engine', 'seed median', '0.42 ms', '≤ 1 ms', '✓', '4.8 KB']],
    [3, ['vs lexrank, seed', '17.0 ×', 'lexrank 9.5 ms / ours 0.56 ms']],
    [4, ['library', 'start-up to ready', '11.3 s', '≤ 5 s', '✗']],
    [5, ['bot', 'module did not run', '—', '✗', 'bench/bot.ts not found']],
  ])('line %d shows %j', (index, cells) => {
    for (const cell of cells) expect(lines[index]).toContain(cell);
  });

  it('leaves the group blank when it repeats', () => {
    expect(lines[3]!.startsWith(' ')).toBe(true);
  });

  it('aligns every column', () => {
    const valueColumn = lines[0]!.indexOf('value');
    expect(lines[2]!.indexOf('0.42 ms')).toBe(valueColumn);
    expect(lines[4]!.indexOf('11.3 s')).toBe(valueColumn);
    const okColumn = lines[0]!.indexOf('ok');
    expect(lines[2]!.indexOf('✓')).toBe(okColumn);
    expect(lines[4]!.indexOf('✗')).toBe(okColumn);
  });
});

describe('layoutColumns', () => {
  it('pads by display width so Arabic cells line up', () => {
    const out = layoutColumns(['a', 'b'], [['مرحبا', 'x'], ['hi', 'y']]).split('\n');
    expect(out[2]).toBe('مرحبا  x');
    expect(out[3]).toBe('hi     y');
  });
});

describe('formatVerdict', () => {
  it.each([
    ['counts goals and names the missed ones', rows, '1 of 3 goals met; missed: library/start-up to ready, bot/module did not run'],
    ['all met', rows.slice(0, 2), '1 of 1 goals met'],
    ['no goals', [rows[1]!], '0 of 0 goals met'],
  ])('%s', (_name, list, expected) => {
    expect(formatVerdict(list)).toBe(expected);
  });
});
