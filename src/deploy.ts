import { Routes } from 'discord.js';
import { createDeployRest, deployCommands, deployFailure, DEPLOY_EXIT } from './deploy/commands';
import { loadConfigOrExit } from './config';
import { loadCommands } from './discord/load-commands';
import { scrubSecrets } from './logger';

/**
 * `npm run deploy`: register every command of `commands/` with one bulk
 * overwrite (PUT), for `DISCORD_GUILD_ID` when set (instant), else globally.
 * Ends with one line (stdout when deployed, stderr otherwise) and exit code
 * 0, 1 (configuration, or a command file that does not load), 2 (Discord
 * refused it) or 3 (run it again later).
 */
const config = loadConfigOrExit({ token: true, clientId: true });
const scrub = (line: string): string => scrubSecrets(line, [config.token]);

try {
  const commands = [...(await loadCommands()).values()].map((command) => command.data);
  const rest = createDeployRest({
    token: config.token!, apiUrl: config.apiUrl, timeoutMs: config.restTimeoutMs,
    onWait: (seconds) => process.stderr.write(`Discord asks to wait ${seconds.toFixed(1)} s before registering commands; waiting.\n`),
  });
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId!, config.guildId) : Routes.applicationCommands(config.clientId!);
  const outcome = await deployCommands({ rest, route, commands, guildId: config.guildId, apiUrl: config.apiUrl });
  (outcome.code === DEPLOY_EXIT.ok ? process.stdout : process.stderr).write(`${scrub(outcome.line)}\n`);
  process.exitCode = outcome.code;
} catch (error) {
  // Loading the commands failed (a broken command file): not Discord's doing.
  process.stderr.write(`${scrub(deployFailure(error, { apiUrl: config.apiUrl }).line)}\n`);
  process.exitCode = 1;
}
