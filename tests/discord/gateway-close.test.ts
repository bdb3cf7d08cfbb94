import { describe, expect, it } from 'vitest';
import { fatalGatewayClose } from '../../src/discord/gateway-close';

describe('fatalGatewayClose', () => {
  it.each([
    [4004, /token .*DISCORD_TOKEN/],
    [4010, /DISCORD_SHARDS/],
    [4011, /DISCORD_SHARDS=auto/],
    [4012, /API version/],
    [4013, /intents Guilds, GuildMessages as invalid/],
    [4014, /intents Guilds, GuildMessages .*Developer Portal/],
  ])('names what to fix after close %i, in one line', (code, expected) => {
    const line = fatalGatewayClose(code, ['Guilds', 'GuildMessages']);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
  });

  it.each([[1000], [1001], [1006], [4000], [4007], [4008], [4009], [4900]])('leaves close %i to discord.js, which reconnects', (code) => {
    expect(fatalGatewayClose(code, ['Guilds'])).toBeUndefined();
  });

  it('says (none) when no intent is asked for', () => {
    expect(fatalGatewayClose(4014, [])).toContain('intents (none)');
  });
});
