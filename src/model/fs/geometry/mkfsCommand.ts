// Reads an mkfs command line (`mkfs.ext4 -F -b 4096 -m 1 -L SoaS-Live rootfs.img`) into MkfsOptions, the
// way mke2fs's getopt loop does (misc/mke2fs.c PRS). Options that do not move any block (-F, -L, -U, -E
// lazy_itable_init=0, …) are accepted and dropped; options that would move blocks in ways the geometry does
// not follow (-E stride=, -E resize=, an explicit block count, …) are refused rather than ignored.

import { ModelError } from '../../errors';
import type { ExtFsType, MkfsOptions } from './types';

/** mke2fs's getopt string: letters followed by ':' take an argument. */
const OPTSTRING = 'b:cd:e:g:i:jl:m:no:qr:s:t:d:vC:DE:FG:I:J:KL:M:N:O:R:ST:U:Vz:';
const TAKES_ARG = new Set<string>();
const KNOWN = new Set<string>();
for (let i = 0; i < OPTSTRING.length; i++) {
  const letter = OPTSTRING[i];
  if (letter === ':') continue;
  KNOWN.add(letter);
  if (OPTSTRING[i + 1] === ':') TAKES_ARG.add(letter);
}
/** Options that change nothing in the layout. */
const IGNORED = new Set(['c', 'e', 'F', 'K', 'L', 'M', 'q', 'v', 'U', 'D', 'V', 'z', 'o', 'l']);
/** -E options that change nothing in the layout. */
const HARMLESS_EXTENDED = new Set([
  'lazy_itable_init',
  'lazy_journal_init',
  'nodiscard',
  'discard',
  'root_owner',
  'quotatype',
  'test_fs',
  'no_copy_xattrs',
]);

function refuse(message: string): ModelError {
  return new ModelError('EINVAL', message);
}

/** parse_num_blocks-style sizes: a number with an optional k/m/g suffix, in bytes. */
function parseBytes(text: string, what: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!match) throw refuse(`bad ${what}: ${text}`);
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()] ?? 1;
  return Number(match[1]) * scale;
}

function parseInteger(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw refuse(`bad ${what}: ${text}`);
  return Number(text);
}

function fsTypeOf(name: string): ExtFsType {
  if (name === 'ext2' || name === 'ext3' || name === 'ext4') return name;
  throw refuse(`filesystem type ${name} is not modelled`);
}

/**
 * The options of an mkfs command for a device of `sizeBytes`. The command is split on white space; the
 * program is mkfs.ext2/3/4 or mke2fs (ext2 unless -t or -j says otherwise).
 */
export function parseMkfsCommand(command: string, sizeBytes: number): MkfsOptions {
  const words = command.trim().split(/\s+/);
  const program = (words.shift() ?? '').split('/').pop() ?? '';
  let fsType: ExtFsType | undefined;
  if (program.startsWith('mkfs.')) fsType = fsTypeOf(program.slice(5));
  else if (program === 'mke4fs') fsType = 'ext4';
  else if (program === 'mke3fs') fsType = 'ext3';
  else if (program !== 'mke2fs') throw refuse(`not an mkfs command: ${program}`);

  const options: { -readonly [K in keyof MkfsOptions]: MkfsOptions[K] } = { sizeBytes, fsType: 'ext2' };
  const featureEdits: Record<string, boolean> = {};
  const operands: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j];
      if (!KNOWN.has(letter)) throw refuse(`unknown mkfs option -${letter}`);
      let arg = '';
      if (TAKES_ARG.has(letter)) {
        arg = j + 1 < word.length ? word.slice(j + 1) : (words[++i] ?? '');
        j = word.length;
      }
      if (IGNORED.has(letter)) continue;
      switch (letter) {
        case 'b':
          options.blockSizeBytes = parseBytes(arg, 'block size');
          break;
        case 'i':
          options.inodeRatioBytes = parseBytes(arg, 'inode ratio');
          break;
        case 'I':
          options.inodeSizeBytes = parseInteger(arg, 'inode size');
          break;
        case 'N':
          options.inodesCount = parseInteger(arg, 'inode count');
          break;
        case 'm':
          if (!/^\d+(\.\d*)?$/.test(arg)) throw refuse(`bad reserved percent: ${arg}`);
          options.reservedPercent = Number(arg);
          break;
        case 'g':
          options.blocksPerGroup = parseInteger(arg, 'blocks per group');
          break;
        case 'G':
          options.flexBgGroups = parseInteger(arg, 'flex_bg size');
          break;
        case 'j':
          options.journal = true;
          break;
        case 'J':
          for (const part of arg.split(',')) {
            const [key, value = ''] = part.split('=');
            if (key === 'size') options.journalSizeMiB = parseInteger(value, 'journal size');
            else throw refuse(`-J ${part} is not modelled`);
          }
          break;
        case 'O':
          for (const name of arg.split(',')) {
            if (name.startsWith('^')) featureEdits[name.slice(1)] = false;
            else if (name) featureEdits[name] = true;
          }
          break;
        case 'T':
          options.usageTypes = arg;
          break;
        case 't':
          fsType = fsTypeOf(arg);
          break;
        case 'E':
          for (const part of arg.split(',')) {
            const key = part.split('=')[0];
            if (key && !HARMLESS_EXTENDED.has(key)) throw refuse(`-E ${part} is not modelled`);
          }
          break;
        default:
          throw refuse(`mkfs option -${letter} is not modelled`);
      }
    }
  }
  if (operands.length !== 1) throw refuse('expected exactly one device and no block count');
  if (Object.keys(featureEdits).length > 0) options.featureEdits = featureEdits;
  // mke2fs with no type: [defaults] fs_type (ext2), or ext3 when a journal was asked for.
  options.fsType = fsType ?? (options.journal || options.journalSizeMiB !== undefined ? 'ext3' : 'ext2');
  return options;
}
