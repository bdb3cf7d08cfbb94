/**
 * Discord limits the bot must respect (API v10). Lengths are counted in UTF-16
 * code units (`string.length`), which is never less than Discord's count of
 * characters, so staying under them in JavaScript is always safe.
 */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Embeds in one message. */
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name over all embeds of a message. */
  embedTotal: 6000,
  /** Plain message content. */
  content: 2000,
  /** Autocomplete: choices per response, and a choice's name and value length. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** A component's custom_id. */
  customId: 100,
  /** A button label. */
  buttonLabel: 80,
  /** Discord's deadline to acknowledge an interaction, in ms. */
  ackDeadlineMs: 3000,
} as const;
