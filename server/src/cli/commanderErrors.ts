/**
 * Commander's own usage errors (unknown option, bad choice, missing
 * argument) as catalog messages for a reader who does not read English.
 * Commander words them in English with the values in single quotes; its
 * error code says which one it is, and the values are taken from its text.
 * English readers keep commander's text as it is (main.ts).
 */
import type { CommanderError } from 'commander';
import { message, type Message } from '../engine';

const quoted = (text: string, before: string): string | undefined => new RegExp(`${before} '([^']*)'`).exec(text)?.[1];
const suggestion = (text: string): string | undefined => /\(Did you mean (\S+?)\?\)/.exec(text)?.[1];

export function commanderErrorMessage(error: Pick<CommanderError, 'code' | 'message'>): Message {
  const text = error.message;
  switch (error.code) {
    case 'commander.unknownOption': {
      const option = quoted(text, 'unknown option');
      if (option !== undefined) return message('cli.unknown-option', { option, suggestion: suggestion(text) });
      break;
    }
    case 'commander.unknownCommand': {
      const command = quoted(text, 'unknown command');
      if (command !== undefined) return message('cli.unknown-command', { command, suggestion: suggestion(text) });
      break;
    }
    case 'commander.invalidArgument': {
      const option = quoted(text, 'option');
      const value = quoted(text, 'argument');
      const choices = /Allowed choices are (.*)\.$/m.exec(text)?.[1]?.split(', ');
      if (option !== undefined && value !== undefined) return choices ? message('cli.invalid-choice', { option, value, choices }) : message('cli.invalid-argument', { option, value });
      break;
    }
    case 'commander.missingMandatoryOptionValue': {
      const option = quoted(text, 'required option');
      if (option !== undefined) return message('cli.required-option', { option });
      break;
    }
    case 'commander.optionMissingArgument': {
      const option = quoted(text, 'option');
      if (option !== undefined) return message('cli.option-argument-missing', { option });
      break;
    }
    case 'commander.missingArgument': {
      const argument = quoted(text, 'missing required argument');
      if (argument !== undefined) return message('cli.missing-argument', { argument });
      break;
    }
    case 'commander.excessArguments':
      return message('cli.too-many-arguments', { command: quoted(text, 'too many arguments for') });
  }
  return message('cli.bad-command-line', { code: error.code });
}
