// Whether a number typed after an option passes the script's own check: 2012's `checkint`
// (`test $1 -gt 0`: any whole number above 0, leading zeros and '+' allowed) or today's `checkinput`
// (the pattern [1-9]*([0-9]); timeouts also allow 0, -0 and -1).

import type { EraId } from '../eras';
import type { NumberMeasure } from './scriptMessages';
import { MAX_OPTION_MIB } from './sizes';

const CHECKINT_2012 = /^[ \t]*\+?[0-9]+[ \t]*$/;
const POSITIVE_TODAY = /^[1-9][0-9]*$/;
const TIMEOUT_TODAY = /^(0|-0|-1|[1-9][0-9]*)$/;
const TOTAL_TIMEOUT_TODAY = /^(0|[1-9][0-9]*)$/;

/** True when the script accepts `word` after an option that `measure`s it. */
export function passesNumberCheck(era: EraId, measure: NumberMeasure, word: string): boolean {
  if (era === 'soas-2012') return CHECKINT_2012.test(word) && Number(word.trim()) > 0;
  if (measure === 'timeout') return TIMEOUT_TODAY.test(word);
  if (measure === 'totaltimeout') return TOTAL_TIMEOUT_TODAY.test(word);
  return POSITIVE_TODAY.test(word);
}

/** A size option's MiB, or undefined when the script refuses the word or Cellar cannot plan that much. */
export function readSizeMib(era: EraId, measure: NumberMeasure, word: string): number | undefined {
  if (!passesNumberCheck(era, measure, word)) return undefined;
  const mib = Number(word.trim());
  return mib <= MAX_OPTION_MIB ? mib : undefined;
}

/** A size given in a request rather than typed: the same rule, for any value. */
export function isPlannableSizeMib(mib: unknown): mib is number {
  return typeof mib === 'number' && Number.isSafeInteger(mib) && mib > 0 && mib <= MAX_OPTION_MIB;
}
