/**
 * `npm run brief -- <file|article-id> [--json] [--sentences N] [--words N] [--max-bytes N]`
 * Entry point: reads configuration once and runs {@link main}.
 */
import { loadConfigOrExit } from '../config';
import { main } from './main';

const config = loadConfigOrExit();
// hasColors() honours NO_COLOR / FORCE_COLOR and the terminal's abilities.
const color = Boolean(process.stdout.isTTY) && process.stdout.hasColors();
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color,
  contentDir: config.contentDir,
  maxArticleBytes: config.maxArticleBytes,
});
process.exitCode = code;
