import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../src/logger';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.GfAkEd.secret-token-value';

function capture(): { stream: Writable; text(): string } {
  let out = '';
  const stream = new Writable({ write(chunk: Buffer, _e, done) { out += chunk.toString(); done(); } });
  return { stream, text: () => out };
}

describe('createLogger', () => {
  it.each([
    ['in a message', (log: ReturnType<typeof createLogger>) => log.info(`connecting with ${TOKEN}`)],
    ['in an error', (log: ReturnType<typeof createLogger>) => log.error({ err: new Error(`401 for ${TOKEN}`) }, 'login failed')],
    ['in a token field', (log: ReturnType<typeof createLogger>) => log.info({ token: TOKEN }, 'config')],
    ['in a nested authorization header', (log: ReturnType<typeof createLogger>) => log.warn({ req: { headers: { authorization: `Bot ${TOKEN}` } } }, 'request')],
    ['in an Arabic message', (log: ReturnType<typeof createLogger>) => log.info(`فشل الاتصال ${TOKEN}`)],
  ])('scrubs the token %s', (_name, write) => {
    const out = capture();
    const log = createLogger({ level: 'debug', secrets: [TOKEN], destination: out.stream });
    write(log);
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).not.toContain('secret-token-value');
    expect(out.text().length).toBeGreaterThan(0);
  });

  it('writes one JSON line per entry at or above the level', () => {
    const out = capture();
    const log = createLogger({ level: 'warn', destination: out.stream });
    log.info('hidden');
    log.warn({ file: 'a.txt' }, 'skipped a.txt');
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, file: 'a.txt', msg: 'skipped a.txt' });
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['a message with the token', `bad ${TOKEN}!`, 'bad [redacted]!'],
    ['a message without it', 'all fine', 'all fine'],
  ])('handles %s', (_name, text, expected) => {
    expect(scrubSecrets(text, [TOKEN, undefined])).toBe(expected);
  });
});
