import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { toEditOptions, toReplyOptions, type MessageBody } from './message';

const isEphemeral = (body: MessageBody): boolean => ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

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
    else await i.reply(toReplyOptions(body));
  }
}
