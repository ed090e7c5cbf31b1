// What to tell a learner about a word the script reads as an unknown option: a mistyped dash, an
// option from the other era or another tool, a near miss of a real option, or a misplaced word.

import type { EraId } from '../eras';
import { OPTION_TABLE } from './optionTable';

const OTHER_TOOLS: Record<string, string> = {
  '--include': 'editliveos (the remix tool), not livecd-iso-to-disk',
  '--exclude': 'editliveos (the remix tool), not livecd-iso-to-disk',
  '--seclude': 'editliveos (the remix tool), not livecd-iso-to-disk',
  '--clone': 'editliveos (the remix tool), not livecd-iso-to-disk',
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function nearestOption(era: EraId, word: string): string | undefined {
  const options = Object.keys(OPTION_TABLE[era]).filter((option) => option.startsWith('--'));
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const distance = editDistance(word, option);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  if (best !== undefined || word.length < 5) return best;
  return options.find((option) => option.startsWith(word));
}

/** One or two sentences on why the script does not know `word`, and what was probably meant. */
export function unknownOptionAdvice(era: EraId, word: string): string {
  const dashes = /^[\u2010-\u2015\u2212]+/;
  if (dashes.test(word)) {
    const fixed = word.replace(dashes, '--');
    return `'${word}' starts with a typographic dash, often copied from a web page. Options start with two hyphens: '${fixed}'.`;
  }
  if (/^-[a-z]{2,}/.test(word)) {
    return `'${word}' starts with one hyphen; livecd-iso-to-disk's long options start with two: '-${word}'.`;
  }
  if (era === 'soas-2012' && Object.hasOwn(OPTION_TABLE['fedora-today'], word)) {
    return `'${word}' was added to livecd-iso-to-disk later (2017 or after); the 2012 script does not have it.`;
  }
  if (Object.hasOwn(OTHER_TOOLS, word)) return `'${word}' is an option of ${OTHER_TOOLS[word]}.`;
  if (era === 'soas-2012' && !word.startsWith('-')) {
    return `The 2012 script reads every word but the last two as options, so '${word}' was read as one. Put the source and the target last, after all the options.`;
  }
  const near = nearestOption(era, word);
  return near
    ? `livecd-iso-to-disk has no option '${word}'. Did you mean '${near}'?`
    : `livecd-iso-to-disk has no option '${word}'.`;
}
