import { createApp, type App } from './app';
import { loadConfigOrExit } from './config';
import { createLogger, scrubSecrets } from './logger';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** A repeat of the signal sooner than this is the same signal delivered twice (process group + relay). */
const DUPLICATE_SIGNAL_MS = 1000;

const config = loadConfigOrExit({ token: true });
const databasePassword = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) || undefined : undefined;
const logger = createLogger({ level: config.logLevel, secrets: [config.token, databasePassword] });

let app: App | undefined;
let shuttingDown: { signal: string; at: number } | undefined;

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

function shutdown(signal: NodeJS.Signals): void {
  if (shuttingDown) {
    if (Date.now() - shuttingDown.at < DUPLICATE_SIGNAL_MS) return;
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  shuttingDown = { signal, at: Date.now() };
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.error('shutdown took too long: exiting');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  void (app?.stop() ?? Promise.resolve()).then(
    () => {
      logger.info({ exitCode: 0 }, 'exiting');
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    },
  );
}

/** Something this process cannot carry on after (e.g. the ingest lock lost): stop cleanly, exit 1 for the supervisor to restart it. */
function fatal(reason: string): void {
  if (shuttingDown) return;
  shuttingDown = { signal: 'fatal', at: Date.now() };
  logger.fatal({ reason }, reason);
  setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  void (app?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

try {
  app = await createApp({ config, logger, onFatal: fatal });
  if (!shuttingDown) await app.start();
} catch (error) {
  const message = scrubSecrets(error instanceof Error ? error.message : String(error), [config.token, databasePassword]);
  logger.fatal({ reason: message }, `start-up failed: ${message}`);
  process.stderr.write(`Start-up failed: ${message.split('\n')[0]}\n`);
  await app?.stop().catch(() => undefined);
  process.exit(1);
}
