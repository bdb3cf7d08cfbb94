import { expect } from 'vitest';
import type { LocalizedText } from '../../src/errors';

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** The text with its code spans and channel mentions removed: what must read as plain prose. */
const prose = (text: string): string => text.replace(/`[^`]*`/g, '').replace(/<#\d+>/g, '');

/**
 * What every user error text must be: three non-empty one-liners, short enough
 * for an ephemeral reply, each in its own language; Arabic with Arabic
 * letters, opening with one, and every Latin run (cron, time zone, command, file name) in a code
 * span so it reads right-to-left; French with typographic apostrophes.
 */
export function expectLocalized(text: LocalizedText): void {
  for (const line of [text.en, text.ar, text.fr]) {
    expect(line.trim()).not.toBe('');
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.length).toBeLessThanOrEqual(300);
  }
  expect(new Set([text.en, text.ar, text.fr]).size).toBe(3);
  expect(text.ar).toMatch(ARABIC_LETTER);
  // The first strong letter sets the line's direction where clients detect it: Arabic, so the line is right-to-left.
  expect(text.ar.trimStart()[0]).toMatch(ARABIC_LETTER);
  expect(prose(text.ar)).not.toMatch(/[A-Za-z]/);
  expect(text.en).not.toMatch(ARABIC_LETTER);
  expect(prose(text.fr)).not.toContain("'");
}
