import { DiscordjsErrorCodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { incompleteCommandError } from '../../src/discord/option-errors';
import { UserError } from '../../src/errors';
import { expectLocalized } from '../support/localized-text';

/** An error shaped as discord.js throws it (a TypeError with its `code`). */
const djsError = (errorCode: string, message: string): Error => Object.assign(new TypeError(message), { code: errorCode });

describe('incompleteCommandError', () => {
  it.each([
    ['a missing required option', djsError(DiscordjsErrorCodes.CommandInteractionOptionNotFound, 'Required option "channel" not found.'), '`channel`'],
    ['an option of another type', djsError(DiscordjsErrorCodes.CommandInteractionOptionType, 'Option "when" is of type: 7; expected 3.'), '`when`'],
    ['an empty required option', djsError(DiscordjsErrorCodes.CommandInteractionOptionEmpty, 'Required option "id" is of type: 4; expected a non-empty value.'), '`id`'],
    ['no subcommand', djsError(DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand, 'No subcommand specified for interaction.'), 'subcommand'],
    ['no subcommand group', djsError(DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup, 'No subcommand group specified for interaction.'), 'subcommand'],
  ])('turns %s into one localized line naming it', (_name, error, named) => {
    const user = incompleteCommandError(error);
    expect(user).toBeInstanceOf(UserError);
    expectLocalized(user!.text);
    expect(user!.text.en).toContain(named);
    expect(user!.text.fr).toContain(named === 'subcommand' ? 'sous-commande' : named);
  });

  it.each([
    ['another discord.js error', djsError(DiscordjsErrorCodes.InteractionAlreadyReplied, 'The reply to this interaction has already been sent or deferred.')],
    ['a plain error', new Error('boom')],
    ['not an error', 'Required option "x" not found.'],
    ['null', null],
  ])('leaves %s alone', (_name, error) => {
    expect(incompleteCommandError(error)).toBeUndefined();
  });
});
