// Whether the era's script could be given these options at all: options it does not have, sizes it
// would not accept, pass-through words it does not know. A parsed command always passes; this is
// for requests built in code, which get the same refusal the script would print.

import type { EraId } from '../eras';
import type { RefusalCode } from './InstallPlan';
import type { InstallOptions } from './InstallRequest';
import { isPlannableSizeMib, passesNumberCheck } from './optionNumbers';
import { optionSpec } from './optionTable';
import { badNumberText, type NumberMeasure, unknownOptionText } from './scriptMessages';
import { unknownOptionAdvice } from './unknownOptionAdvice';

export interface OptionProblem {
  code: RefusalCode;
  scriptText: string;
  message: string;
}

function unknown(era: EraId, word: string): OptionProblem {
  return {
    code: 'unknown-option',
    scriptText: unknownOptionText(era, word),
    message: unknownOptionAdvice(era, word),
  };
}

/** Options that only today's script has, as the 2012 script would first meet them. */
function todayOnlyWord(options: InstallOptions): string | undefined {
  if (options.format?.sizeMib !== undefined) return String(options.format.sizeMib);
  if (options.label !== undefined) return '--label';
  if (options.resetOverlay) return '--reset-overlay';
  if (options.copyHome) return '--copy-home';
  if (options.noEsp) return '--noesp';
  return undefined;
}

export function checkOptions(era: EraId, options: InstallOptions): OptionProblem | undefined {
  if (era === 'soas-2012') {
    const word = todayOnlyWord(options);
    if (word !== undefined) return unknown(era, word);
  }
  const sizes: [number | undefined, NumberMeasure, string][] = [
    [options.overlaySizeMib, 'ovl', '--overlay-size-mb'],
    [options.homeSizeMib, 'home', '--home-size-mb'],
    [options.swapSizeMib, 'swap', '--swap-size-mb'],
    [options.format?.sizeMib, 'ovl', '--format'],
  ];
  for (const [mib, measure, option] of sizes) {
    if (mib === undefined || isPlannableSizeMib(mib)) continue;
    if (option === '--format') {
      return {
        code: 'bad-number',
        scriptText: '',
        message: `--format's size must be a whole number of MiB, not ${mib}.`,
      };
    }
    return {
      code: 'bad-number',
      scriptText: badNumberText(era, String(mib), measure),
      message: `${option} needs a whole number of MiB above 0 (at most 2^32), not ${mib}.`,
    };
  }
  if (options.format?.sizeMib !== undefined && options.format.sizeMib < 512) {
    return {
      code: 'bad-number',
      scriptText: '',
      message: `--format ${options.format.sizeMib} asks for a partition under 512 MiB; the script stops there.`,
    };
  }
  for (const { word, value } of options.passThrough ?? []) {
    if (era === 'soas-2012' && word === '--msdos' && value === undefined && !options.format) continue;
    const spec = optionSpec(era, word);
    if (spec === undefined) return unknown(era, word);
    if (spec.handling !== 'pass-through') {
      return {
        code: 'not-modelled',
        scriptText: '',
        message: `${word} cannot be passed through: Cellar ${spec.handling === 'modelled' ? 'reads it as an option of its own' : `does not model it (${spec.note ?? 'help'})`}.`,
      };
    }
    if (spec.takesValue !== (value !== undefined)) {
      return {
        code: 'missing-argument',
        scriptText: '',
        message: spec.takesValue ? `${word} needs a value.` : `${word} takes no value.`,
      };
    }
    if (spec.measure !== undefined && value !== undefined && !passesNumberCheck(era, spec.measure, value)) {
      return {
        code: 'bad-number',
        scriptText: badNumberText(era, value, spec.measure),
        message: `${word} needs a whole number, not '${value}'.`,
      };
    }
  }
  return undefined;
}
