import { Events, type Client } from 'discord.js';
import { normalizeInteraction } from './interaction-compat';

/** A gateway dispatch as discord.js's `raw` event gives it (the object its handlers then read). */
interface RawPacket {
  t?: unknown;
  d?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Complete a READY dispatch in place with what discord.js's READY handler
 * assumes is there: `application` (`{id, flags}`: the application id, which is
 * the bot user's id for every current app, or `applicationId` when known) and
 * `guilds` (an array). Without them discord.js throws inside its packet handler
 * and the client never becomes ready. Returns what was filled in.
 */
export function normalizeReadyPacket(packet: RawPacket, applicationId?: string): string[] {
  if (packet.t !== 'READY' || !isRecord(packet.d)) return [];
  const d = packet.d;
  const filled: string[] = [];
  if (!isRecord(d.application) || typeof d.application.id !== 'string') {
    const user = isRecord(d.user) ? d.user : {};
    const id = applicationId ?? (typeof user.id === 'string' ? user.id : undefined);
    if (id) {
      d.application = { flags: 0, ...(isRecord(d.application) ? d.application : {}), id };
      filled.push('application');
    }
  }
  if (!Array.isArray(d.guilds)) {
    d.guilds = [];
    filled.push('guilds');
  }
  return filled;
}

/**
 * Make the client tolerate READY variants (no `application`, no `guilds`) and
 * INTERACTION_CREATE variants (see {@link normalizeInteraction}): discord.js
 * emits `raw` with the very packet object just before handling it, so a `raw`
 * listener can complete it first. `onFilled` gets the event and what was filled in.
 */
export function tolerateGatewayVariants(client: Client, applicationId: string | undefined, onFilled?: (fields: string[], event: string) => void): void {
  client.on(Events.Raw, (packet: RawPacket) => {
    const filled = packet.t === 'INTERACTION_CREATE' && isRecord(packet.d) ? normalizeInteraction(packet.d) : normalizeReadyPacket(packet, applicationId);
    if (filled.length) onFilled?.(filled, String(packet.t));
  });
}
