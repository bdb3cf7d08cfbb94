/** Gateway close codes after which discord.js stops reconnecting (nothing will change until the operator acts). */
const FATAL_CLOSES: Record<number, (intents: string) => string> = {
  4004: () => 'Discord refused the bot token (gateway close 4004, authentication failed): check DISCORD_TOKEN',
  4010: () => 'Discord refused the shard settings (gateway close 4010, invalid shard): check DISCORD_SHARDS',
  4011: () => 'Discord requires this bot to be sharded (gateway close 4011, sharding required): set DISCORD_SHARDS=auto',
  4012: () => 'Discord refused the gateway API version (gateway close 4012, invalid API version): update discord.js',
  4013: (intents) => `Discord refused the gateway intents ${intents} as invalid (gateway close 4013)`,
  4014: (intents) => `Discord refused the gateway intents ${intents} (gateway close 4014, disallowed intents): enable them for the application in the Developer Portal (Bot → Privileged Gateway Intents)`,
};

/**
 * The operator's one line for a gateway close that ends the connection for
 * good (bad token, disallowed intents, sharding…), naming what to fix; or
 * undefined for a close discord.js reconnects after (4000, 1001, …).
 * `intents` are the names of the intents the bot asks for.
 */
export function fatalGatewayClose(code: number, intents: readonly string[]): string | undefined {
  return FATAL_CLOSES[code]?.(intents.length ? intents.join(', ') : '(none)');
}
