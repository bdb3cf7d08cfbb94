import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';

function messageOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the posting rate and spread settings', () => {
  it.each([
    ['the defaults: all of Discord\'s 50/s, a 60 s spread', {}, { discordGlobalRate: 50, discordRateShare: 1, scheduleSpreadSeconds: 60 }],
    ['one of 4 workers', { DISCORD_RATE_SHARE: '0.25' }, { discordGlobalRate: 50, discordRateShare: 0.25 }],
    ['a raised global limit', { DISCORD_GLOBAL_RATE: '120', DISCORD_RATE_SHARE: '0.5' }, { discordGlobalRate: 120, discordRateShare: 0.5 }],
    ['no spread', { SCHEDULE_SPREAD_SECONDS: '0' }, { scheduleSpreadSeconds: 0 }],
    ['a 10-minute spread', { SCHEDULE_SPREAD_SECONDS: '600' }, { scheduleSpreadSeconds: 600 }],
  ])('reads %s', (_name, env, expected) => {
    expect(parseConfig(env)).toMatchObject(expected);
  });

  it.each([
    ['a share of 0', { DISCORD_RATE_SHARE: '0' }, 'DISCORD_RATE_SHARE must be more than 0'],
    ['a negative share', { DISCORD_RATE_SHARE: '-0.5' }, 'DISCORD_RATE_SHARE must be more than 0'],
    ['a share above 1', { DISCORD_RATE_SHARE: '1.5' }, 'DISCORD_RATE_SHARE must be at most 1'],
    ['a share as a percentage', { DISCORD_RATE_SHARE: '25%' }, 'DISCORD_RATE_SHARE must be a number such as 0.25'],
    ['a share in words (French)', { DISCORD_RATE_SHARE: 'un quart' }, 'DISCORD_RATE_SHARE must be a number such as 0.25'],
    ['a share in Arabic words', { DISCORD_RATE_SHARE: 'ربع' }, 'DISCORD_RATE_SHARE must be a number such as 0.25'],
    ['a global rate of 0', { DISCORD_GLOBAL_RATE: '0' }, 'DISCORD_GLOBAL_RATE must be more than 0'],
    ['a global rate in words', { DISCORD_GLOBAL_RATE: 'fifty' }, 'DISCORD_GLOBAL_RATE must be a number of requests per second'],
    ['a share leaving almost nothing', { DISCORD_GLOBAL_RATE: '1', DISCORD_RATE_SHARE: '0.01' }, 'DISCORD_RATE_SHARE leaves this process fewer than 0.1 requests per second'],
    ['a negative spread', { SCHEDULE_SPREAD_SECONDS: '-5' }, 'SCHEDULE_SPREAD_SECONDS must be 0 (no spread) or more seconds'],
    ['a spread over an hour', { SCHEDULE_SPREAD_SECONDS: '7200' }, 'SCHEDULE_SPREAD_SECONDS must be at most 3600 seconds'],
    ['a spread in minutes', { SCHEDULE_SPREAD_SECONDS: '1.5' }, 'SCHEDULE_SPREAD_SECONDS'],
  ])('refuses %s in one line naming the variable', (_name, env, expected) => {
    const message = messageOf(env);
    expect(message).toContain(`Configuration error: ${expected}`);
    expect(message).not.toContain('\n');
  });
});
