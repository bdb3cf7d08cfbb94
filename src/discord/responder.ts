import { InteractionResponseType, MessageFlags, Routes, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { toEditOptions, toReplyOptions, type MessageBody } from './message';

const isEphemeral = (body: MessageBody): boolean => ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** The callback JSON of a reply, serialised once per body (a briefing's body is shared by every /brief of that article). */
const replyJson = new WeakMap<MessageBody, string>();

function replyCallback(body: MessageBody): string {
  let json = replyJson.get(body);
  if (json === undefined) {
    json = JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...body, components: body.components ?? [] } });
    replyJson.set(body, json);
  }
  return json;
}

/**
 * Answers one command or button interaction exactly once, whichever way fits:
 * a direct reply/update when the answer is ready in time, or a deferral
 * followed by an edit. An ephemeral answer after a public deferral replaces
 * the "thinking…" message with an ephemeral follow-up.
 */
export class Responder {
  private deferred: Promise<unknown> | undefined;

  constructor(private readonly interaction: ChatInputCommandInteraction | ButtonInteraction) {}

  /** Acknowledge now; the answer comes later. Idempotent; never throws (the error surfaces on send). */
  defer(): Promise<unknown> {
    if (this.deferred || this.interaction.replied || this.interaction.deferred) return this.deferred ?? Promise.resolve();
    const i = this.interaction;
    this.deferred = (i.isButton() ? i.deferUpdate() : i.deferReply()).catch((error: unknown) => error);
    return this.deferred;
  }

  /** True once a deferral was started. */
  get isDeferred(): boolean {
    return this.deferred !== undefined;
  }

  /** Send the answer. */
  async send(body: MessageBody): Promise<void> {
    const i = this.interaction;
    if (this.deferred) {
      const failure = await this.deferred;
      if (failure instanceof Error) throw failure;
      if (isEphemeral(body)) {
        if (!i.isButton()) await i.deleteReply().catch(() => undefined);
        await i.followUp(toReplyOptions(body));
      } else {
        await i.editReply(toEditOptions(body));
      }
      return;
    }
    if (i.isButton() && !isEphemeral(body)) await i.update(toEditOptions(body));
    else if (i.replied || i.deferred) await i.reply(toReplyOptions(body)); // discord.js throws its usual error
    else await this.replyDirect(body);
  }

  /**
   * The common case, a reply ready at once: POST the callback ourselves with
   * the body already in Discord's JSON (and serialised once per body), which
   * skips discord.js's per-reply payload building (a large part of the bot's
   * cost per interaction). Same request as `interaction.reply()`.
   */
  private async replyDirect(body: MessageBody): Promise<void> {
    const i = this.interaction;
    await i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
      body: replyCallback(body),
      passThroughBody: true,
      headers: { 'Content-Type': 'application/json' },
      auth: false,
    });
    i.replied = true;
  }
}
