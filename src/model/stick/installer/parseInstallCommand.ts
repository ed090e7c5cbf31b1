// Reads a typed livecd-iso-to-disk command line into options, word by word as the era's script
// reads its arguments: 2012 takes every word but the last two as options; today stops at the first
// word that does not start with '--' and then wants exactly a source and a target. Anything the
// script would refuse, or Cellar cannot plan, throws a CommandLineError naming the word.

import type { EraId } from '../eras';
import { CommandLineError } from './CommandLineError';
import type { InstallCommand, InstallOptions, StickFilesystem } from './InstallRequest';
import { optionSpec, type OptionSpec } from './optionTable';
import { passesNumberCheck, readSizeMib } from './optionNumbers';
import {
  badNumberText,
  formatFilesystemErrorText,
  formatSizeErrorText,
  formatSizeTooSmallText,
  missingArgumentText,
  type NumberMeasure,
  unknownOptionText,
} from './scriptMessages';
import { shellWords } from './shellWords';
import { MAX_OPTION_MIB } from './sizes';
import { unknownOptionAdvice } from './unknownOptionAdvice';

const PROGRAM = /(^|\/)livecd-iso-to-disk(\.sh)?$/;
const EXAMPLE = 'livecd-iso-to-disk --overlay-size-mb 300 Fedora.iso /dev/sdb1';

/** What the loop has read so far: the options, and --format's pieces until the end decides them. */
interface Reading {
  options: InstallOptions;
  /** 2012: --format and --msdos are separate switches; today --msdos sets format's filesystem. */
  formatGiven: boolean;
  msdos: boolean;
  formatFilesystem?: StickFilesystem;
  formatSizeMib?: number;
}

function unknown(era: EraId, word: string): CommandLineError {
  return new CommandLineError(
    'unknown-option',
    word,
    unknownOptionAdvice(era, word),
    unknownOptionText(era, word),
  );
}

function notModelled(word: string, spec: OptionSpec): CommandLineError {
  return new CommandLineError(
    'not-modelled',
    word,
    `Cellar's planner does not model ${word}: ${spec.note}. Leave it out to plan the install.`,
  );
}

function badNumber(era: EraId, option: string, word: string, measure: NumberMeasure): CommandLineError {
  const what = measure === 'timeout' || measure === 'totaltimeout' ? 'tenths of a second' : 'MiB';
  const tooBig = /^\+?[0-9]+$/.test(word.trim()) && Number(word.trim()) > MAX_OPTION_MIB;
  return new CommandLineError(
    'bad-number',
    word,
    tooBig
      ? `${option} ${word} is more than Cellar can plan (at most ${MAX_OPTION_MIB} MiB).`
      : `${option} needs a whole number of ${what} above 0, but got '${word}'.`,
    badNumberText(era, word, measure),
  );
}

/** A size option's value; today's overlay and home sizes may carry ',fstype,blksz', which Cellar leaves out. */
function readSize(era: EraId, option: string, value: string, measure: NumberMeasure): number {
  const [first, ...rest] = era === 'fedora-today' && measure !== 'swap' ? value.split(',') : [value];
  const checked = era === 'fedora-today' && measure !== 'swap' ? first.replace(/[{}]/g, '') : first;
  const mib = readSizeMib(era, measure, checked);
  if (mib === undefined) throw badNumber(era, option, checked, measure);
  if (rest.some((part) => part !== '')) {
    throw new CommandLineError(
      'not-modelled',
      value,
      `Cellar models only the size in ${option} ${value}; the filesystem type and block size after the comma are left out. Write ${option} ${mib}.`,
    );
  }
  return mib;
}

function filesystemNamed(word: string): StickFilesystem | 'other' | undefined {
  if (word === 'fat' || word === 'vfat' || word === 'msdos') return 'vfat';
  if (word === 'ext4') return 'ext4';
  if (['ext3', 'ext2', 'btrfs', 'xfs', 'f2fs'].includes(word)) return 'other';
  return undefined;
}

function readFilesystem(word: string): StickFilesystem {
  const named = filesystemNamed(word);
  if (named === undefined) {
    throw new CommandLineError(
      'bad-format',
      word,
      `--format read '${word}' as a filesystem type. Today's script takes an optional value after --format ` +
        `(a size in MiB and/or vfat or ext4); to format with ext4, put --format before another option or write --format ext4.`,
      formatFilesystemErrorText(word),
    );
  }
  if (named === 'other') {
    throw new CommandLineError(
      'not-modelled',
      word,
      `Cellar's sticks are vfat or ext4; --format ${word} is not modelled.`,
    );
  }
  return named;
}

function readFormatSize(word: string): number {
  if (!/^[1-9][0-9]*$/.test(word)) {
    throw new CommandLineError(
      'bad-format',
      word,
      `--format's size must be a whole number of MiB, but got '${word}'.`,
      formatSizeErrorText(word),
    );
  }
  const mib = Number(word);
  if (mib < 512) {
    throw new CommandLineError(
      'bad-format',
      word,
      `--format ${word} asks for a ${word} MiB partition; the script stops below 512 MiB.`,
      formatSizeTooSmallText(mib),
    );
  }
  if (mib > MAX_OPTION_MIB)
    throw new CommandLineError('bad-format', word, `--format ${word} is more than Cellar can plan.`);
  return mib;
}

/**
 * Today's `--format [<size>][,fstype[,blksz]]`: the value is optional, so the next word is read as
 * one unless it is another option. Returns how many words the value took (0 or 1).
 */
function readFormatToday(next: string | undefined, reading: Reading): number {
  const word = next ?? '';
  const parts = word.includes(',') ? word.split(',').filter((part) => part !== '') : [word];
  reading.formatSizeMib = undefined;
  if (parts.length >= 2) {
    const [size, filesystem, blockSize] = /^[A-Za-z]/.test(parts[0]) ? [undefined, ...parts] : parts;
    reading.formatFilesystem = readFilesystem(filesystem ?? '');
    if (size !== undefined) reading.formatSizeMib = readFormatSize(size);
    if (blockSize !== undefined) {
      throw new CommandLineError(
        'not-modelled',
        word,
        `Cellar does not model a block size in --format ${word}.`,
      );
    }
    return 1;
  }
  const only = parts[0] ?? '';
  if (/^[0-9]/.test(only)) {
    reading.formatFilesystem = 'ext4';
    reading.formatSizeMib = readFormatSize(only);
    return 1;
  }
  if (only === '--msdos') {
    reading.formatFilesystem = 'vfat';
    return 1;
  }
  if (only.startsWith('--')) {
    reading.formatFilesystem = 'ext4';
    return 0;
  }
  reading.formatFilesystem = readFilesystem(only);
  return 1;
}

/** Applies one option word (and its value); returns how many words it took. */
function readOption(era: EraId, args: string[], at: number, reading: Reading): number {
  const word = args[at];
  const spec = optionSpec(era, word);
  if (spec === undefined) throw unknown(era, word);
  if (spec.handling === 'not-modelled') throw notModelled(word, spec);
  if (spec.handling === 'help') throw helpError(word);
  const options = reading.options;
  if (word === '--format' && era === 'fedora-today') return 1 + readFormatToday(args[at + 1], reading);
  if (!spec.takesValue) {
    switch (word) {
      case '--format':
        reading.formatGiven = true;
        break;
      case '--msdos':
        if (era === 'soas-2012') reading.msdos = true;
        else reading.formatFilesystem = 'vfat';
        break;
      case '--reset-mbr':
      case '--resetmbr':
        options.resetMbr = true;
        break;
      case '--force':
        options.force = true;
        break;
      case '--xo':
        options.xo = true;
        options.skipCompress = true;
        break;
      case '--xo-no-home':
        options.xoNoHome = true;
        break;
      case '--compress':
        options.skipCompress = false;
        break;
      case '--skipcompress':
        options.skipCompress = true;
        break;
      case '--crypted-home':
        options.cryptedHome = true;
        break;
      case '--unencrypted-home':
        options.cryptedHome = false;
        break;
      case '--copy-home':
        options.copyHome = true;
        options.cryptedHome = false;
        break;
      case '--delete-home':
        options.deleteHome = true;
        break;
      case '--reset-overlay':
        options.resetOverlay = true;
        break;
      case '--noesp':
        options.noEsp = true;
        break;
      default:
        (options.passThrough ??= []).push({ word });
    }
    return 1;
  }
  const value = args[at + 1];
  if (value === undefined) {
    throw new CommandLineError('missing-argument', word, `${word} needs a value after it.`);
  }
  switch (word) {
    case '--overlay-size-mb':
      options.overlaySizeMib = readSize(era, word, value, 'ovl');
      break;
    case '--home-size-mb':
      options.homeSizeMib = readSize(era, word, value, 'home');
      break;
    case '--swap-size-mb':
      options.swapSizeMib = readSize(era, word, value, 'swap');
      break;
    case '--extra-kernel-args':
      options.extraKernelArgs = value;
      break;
    case '--label':
      options.label = value;
      break;
    default:
      if (spec.measure !== undefined && !passesNumberCheck(era, spec.measure, value)) {
        throw badNumber(era, word, value, spec.measure);
      }
      (options.passThrough ??= []).push({ word, value });
  }
  return 2;
}

function helpError(word: string): CommandLineError {
  return new CommandLineError(
    'help',
    word,
    `${word} makes livecd-iso-to-disk print its help and stop without installing anything. Leave it out to plan an install.`,
  );
}

/** The script shows its help, and does nothing else, when it spots a help word anywhere. */
function checkHelp(era: EraId, program: string, args: string[]): void {
  if (era === 'soas-2012') {
    if (args.join(' ').includes('--help')) throw helpError('--help');
    return;
  }
  const found = /-help| -h|-\?/.exec([program, ...args].join(' '));
  if (found) throw helpError(found[0].trim().startsWith('-h') ? '-h' : found[0].trim());
}

function missing(era: EraId, what: 'source' | 'target', word: string, message: string): CommandLineError {
  return new CommandLineError('missing-argument', word, message, missingArgumentText(era, what));
}

const NEEDS_BOTH =
  'livecd-iso-to-disk needs the source (the .iso file) and then the target (your stick, such as /dev/sdb1) after the options.';

function finishOptions(era: EraId, reading: Reading): InstallOptions {
  const options = reading.options;
  if (era === 'soas-2012') {
    if (reading.formatGiven) options.format = { filesystem: reading.msdos ? 'vfat' : 'ext4' };
    else if (reading.msdos) (options.passThrough ??= []).push({ word: '--msdos' });
  } else if (reading.formatFilesystem !== undefined) {
    options.format = { filesystem: reading.formatFilesystem };
    if (reading.formatSizeMib !== undefined) options.format.sizeMib = reading.formatSizeMib;
  }
  return options;
}

function readArgs2012(program: string, args: string[]): InstallCommand {
  const reading: Reading = { options: {}, formatGiven: false, msdos: false };
  let at = 0;
  while (args.length - at > 2) at += readOption('soas-2012', args, at, reading);
  const [source, target] = args.slice(at);
  if (source === undefined) throw missing('soas-2012', 'source', '', NEEDS_BOTH);
  if (target === undefined) {
    throw missing('soas-2012', 'target', source, `After '${source}' comes no target. ${NEEDS_BOTH}`);
  }
  return { program, options: finishOptions('soas-2012', reading), source, target };
}

function readArgsToday(program: string, args: string[]): InstallCommand {
  const reading: Reading = { options: {}, formatGiven: false, msdos: false };
  if (args.length < 2) throw missing('fedora-today', 'source', args[0] ?? '', NEEDS_BOTH);
  let at = 0;
  while (at < args.length && args[at].startsWith('--')) at += readOption('fedora-today', args, at, reading);
  const rest = args.slice(at);
  if (rest.length !== 2) {
    const late = rest.slice(2).find((word) => word.startsWith('-'));
    const message =
      rest.length < 2
        ? NEEDS_BOTH
        : late !== undefined
          ? `Options go before the source and the target, but '${late}' comes after them.`
          : `After the options come exactly two words, the source and the target; here there are ${rest.length}: ${rest.join(' ')}.`;
    throw missing('fedora-today', 'source', late ?? rest[2] ?? rest[0] ?? '', message);
  }
  return { program, options: finishOptions('fedora-today', reading), source: rest[0], target: rest[1] };
}

/** Reads `line` as the era's livecd-iso-to-disk would. Throws only CommandLineError. */
export function parseInstallCommand(line: string, era: EraId): InstallCommand {
  const words = shellWords(line);
  const start = words[0] === 'sudo' ? 1 : 0;
  const program = words[start];
  if (program === undefined) {
    throw new CommandLineError('empty', '', `Type a livecd-iso-to-disk command, such as: ${EXAMPLE}`);
  }
  if (!PROGRAM.test(program)) {
    throw new CommandLineError(
      'not-livecd-iso-to-disk',
      program,
      program.startsWith('-')
        ? `Start with the program's name: ${EXAMPLE}`
        : `'${program}' is not livecd-iso-to-disk; this planner reads commands such as: ${EXAMPLE}`,
    );
  }
  const args = words.slice(start + 1);
  checkHelp(era, program, args);
  return era === 'soas-2012' ? readArgs2012(program, args) : readArgsToday(program, args);
}
