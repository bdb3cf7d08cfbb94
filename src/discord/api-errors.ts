/** Discord JSON error codes the interaction code reacts to. */
export const API_CODES = {
  /** The interaction was already acknowledged (a retried callback whose first attempt landed). */
  alreadyAcknowledged: 40060,
  /** The interaction expired (not acknowledged within 3 s) or is unknown. */
  unknownInteraction: 10062,
  /** The interaction's webhook is gone (its 15-minute token expired). */
  unknownWebhook: 10015,
  /** The interaction token is no longer valid. */
  invalidWebhookToken: 50027,
} as const;

/** The Discord JSON error code of a REST error (discord.js `DiscordAPIError`), if it has one. */
export function apiErrorCode(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}

/** The HTTP status of a REST error (`DiscordAPIError` / `HTTPError`), if it has one. */
export function apiErrorStatus(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/**
 * True for failures that are part of normal life on Discord and need no
 * operator attention (logged at warn): the interaction expired or was
 * already answered, or its token ran out.
 */
export function isExpectedInteractionFailure(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code === API_CODES.alreadyAcknowledged || code === API_CODES.unknownInteraction
    || code === API_CODES.unknownWebhook || code === API_CODES.invalidWebhookToken;
}
