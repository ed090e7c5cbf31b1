// Writes options back as one livecd-iso-to-disk command line that the era's script reads the same
// way, in a fixed order (the wiki's order for its examples), quoting words the shell would change.

import type { EraId } from '../eras';
import type { InstallCommand, InstallOptions } from './InstallRequest';

const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `word` as the shell must see it to pass it on unchanged. */
export function shellQuote(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function formatWords(era: EraId, options: InstallOptions): string[] {
  const words: string[] = [];
  const { format } = options;
  if (format !== undefined) {
    if (era === 'soas-2012') {
      words.push('--format');
      if (format.filesystem === 'vfat') words.push('--msdos');
    } else if (format.sizeMib !== undefined) {
      words.push('--format', format.filesystem === 'vfat' ? `${format.sizeMib},vfat` : `${format.sizeMib}`);
    } else {
      words.push('--format', format.filesystem);
    }
  }
  if (options.resetMbr) words.push('--reset-mbr');
  if (options.force) words.push('--force');
  if (options.xo) words.push('--xo');
  if (options.xoNoHome) words.push('--xo-no-home');
  if (options.skipCompress === false) words.push('--compress');
  if (options.skipCompress === true && !options.xo) words.push('--skipcompress');
  if (options.label !== undefined) words.push('--label', options.label);
  if (options.overlaySizeMib !== undefined) words.push('--overlay-size-mb', String(options.overlaySizeMib));
  if (options.resetOverlay) words.push('--reset-overlay');
  if (options.homeSizeMib !== undefined) words.push('--home-size-mb', String(options.homeSizeMib));
  if (options.copyHome) words.push('--copy-home');
  if (options.deleteHome) words.push('--delete-home');
  if (options.cryptedHome === true) words.push('--crypted-home');
  if (options.cryptedHome === false && !options.copyHome) words.push('--unencrypted-home');
  if (options.swapSizeMib !== undefined) words.push('--swap-size-mb', String(options.swapSizeMib));
  if (options.noEsp) words.push('--noesp');
  if (options.extraKernelArgs !== undefined) words.push('--extra-kernel-args', options.extraKernelArgs);
  for (const { word, value } of options.passThrough ?? []) {
    words.push(word);
    if (value !== undefined) words.push(value);
  }
  return words;
}

/** The command line for `command`, which parseInstallCommand(…, era) reads back to the same options. */
export function formatInstallCommand(command: InstallCommand, era: EraId): string {
  return [command.program, ...formatWords(era, command.options), command.source, command.target]
    .map(shellQuote)
    .join(' ');
}
