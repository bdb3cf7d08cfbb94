import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  level?: string;
  /** Strings that must never reach a log line (the bot token). */
  secrets?: Array<string | undefined>;
  /** Destination stream; stdout by default. */
  destination?: NodeJS.WritableStream;
}

/**
 * A pino logger that scrubs secrets from every line: known keys are redacted
 * and any occurrence of a secret value (in a message, an error, a field) is
 * replaced by `[redacted]` before the line is written.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (line: string): string => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line);
  const target = options.destination ?? process.stdout;
  const stream = { write: (line: string) => target.write(scrub(line)) };
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      base: undefined,
    },
    stream,
  );
}

/** Replace every occurrence of the secrets in `text` (for messages that leave the process). */
export function scrubSecrets(text: string, secrets: Array<string | undefined>): string {
  return secrets.reduce<string>((out, secret) => (secret && secret.length >= 8 ? out.split(secret).join('[redacted]') : out), text);
}
