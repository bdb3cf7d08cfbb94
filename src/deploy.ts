import { REST, Routes } from 'discord.js';
import { loadConfigOrExit } from './config';
import { loadCommands } from './discord/load-commands';
import { honourBodyRetryAfter } from './discord/rest-compat';
import { scrubSecrets } from './logger';

/**
 * `npm run deploy`: register every command of `commands/` with one bulk
 * overwrite (PUT), for `DISCORD_GUILD_ID` when set (instant), else globally.
 */
const config = loadConfigOrExit({ token: true, clientId: true });

try {
  const commands = await loadCommands();
  const body = [...commands.values()].map((command) => command.data);
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), makeRequest: honourBodyRetryAfter() }).setToken(config.token!);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId!, config.guildId) : Routes.applicationCommands(config.clientId!);
  const result = (await rest.put(route, { body })) as unknown[];
  const where = config.guildId ? `guild ${config.guildId}` : 'all guilds (global; may take up to an hour to show)';
  process.stdout.write(`Deployed ${result.length} command(s) to ${where}: ${body.map((c) => `/${c.name}`).join(', ')}\n`);
} catch (error) {
  process.stderr.write(`Deploy failed: ${scrubSecrets(error instanceof Error ? error.message : String(error), [config.token])}\n`);
  process.exitCode = 1;
}
