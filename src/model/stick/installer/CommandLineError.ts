// The one error the command-line reader throws: which word it could not read, why in a learner's
// words, and what livecd-iso-to-disk itself would print for the same line.

import { ModelError } from '../../errors';

export type CommandLineErrorCode =
  | 'empty'
  | 'unreadable'
  | 'shell-syntax'
  | 'glob'
  | 'not-livecd-iso-to-disk'
  | 'help'
  | 'unknown-option'
  | 'bad-number'
  | 'missing-argument'
  | 'bad-format'
  | 'not-modelled';

export class CommandLineError extends ModelError {
  constructor(
    readonly reason: CommandLineErrorCode,
    /** The word at fault, as typed ('' when the line is empty). */
    readonly word: string,
    message: string,
    /** What the script prints for this line, as a terminal shows it ('' when it never runs). */
    readonly scriptText: string = '',
  ) {
    super('EINVAL', message);
    this.name = 'CommandLineError';
  }
}
