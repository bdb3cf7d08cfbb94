/**
 * `npm run brief -- <file|article-id|url> [--json] [--sentences N] [--words N] [--max-bytes N]`
 * Entry point: reads configuration once and runs {@link main}.
 */
import { loadConfigOrExit } from '../config';
import { createFetcher, userAgent } from '../content/web/fetcher';
import { createIsolatedExtractor } from '../content/web/isolated-extractor';
import { main } from './main';

const config = loadConfigOrExit();
// A fetched page is taken apart in a worker with a time limit (started only for a URL): hostile markup cannot hang the command.
const extractor = createIsolatedExtractor();
const fetcher = createFetcher({ allowAddresses: config.fetchAllowAddresses, userAgent: userAgent(config.fetchContact), maxBytes: config.fetchMaxBytes, timeoutMs: config.fetchTimeoutMs });
// hasColors() honours NO_COLOR / FORCE_COLOR and the terminal's abilities.
const color = Boolean(process.stdout.isTTY) && process.stdout.hasColors();
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color,
  contentDir: config.contentDir,
  maxArticleBytes: config.maxArticleBytes,
  fetcher,
  fetchMaxBytes: config.fetchMaxBytes,
  fetchTimeoutMs: config.fetchTimeoutMs,
  extract: (html, url) => extractor.extract(html, url),
});
await Promise.all([fetcher.close(), extractor.close()]);
process.exitCode = code;
