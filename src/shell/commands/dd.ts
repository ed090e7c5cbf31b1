// `dd` (GNU coreutils): copies blocks from if= (a file, /dev/zero, /dev/urandom, a device, or what a pipe
// gives) to of= (a file, a device, /dev/null), bs= at a time, count= blocks, skipping skip= input blocks
// and seek= output blocks. conv=notrunc keeps the rest of the output file (without it dd cuts the file
// at the seek point); oflag=append adds at the end. The recovery uses it twice: one byte into the
// overlay's header (`printf '\x01' | dd of=overlay bs=1 count=1 seek=4 conv=notrunc`) and zeros at its
// end (`dd if=/dev/zero of=overlay bs=1M count=16 oflag=append conv=notrunc`).
//
// The model keeps sizes, not contents: bytes from a pipe (and zeros up to 1 MiB) are written for real,
// which is what the overlay's header needs; longer copies write their length.

import { msg } from '@lit/localize';
import { errnoText } from '../errnoText';
import type { Machine } from '../machine';
import { fail, type CommandContext, type CommandResult, type ShellCommand } from '../types';
import { ddStats, recordsOf } from './ddStats';

const SECTOR_BYTES = 512;
/** Zeros up to this length are written byte for byte (an overlay header reset), longer ones as a length. */
const REAL_ZEROS_MAX_BYTES = 1 << 20;
const ENDLESS = ['/dev/zero', '/dev/urandom', '/dev/random'];

interface DdOperands {
  input: string | null;
  output: string | null;
  blockBytes: number;
  count: number | null;
  skip: number;
  seek: number;
  conv: Set<string>;
  oflag: Set<string>;
  quiet: boolean;
}

export const dd: ShellCommand = {
  name: 'dd',
  get summary() {
    return msg('Copies bytes into a file or a disk, at an exact place (used to repair the overlay).');
  },
  changesModel: true,
  run(context) {
    const parsed = parseOperands(context.args);
    if (typeof parsed === 'string') return fail(1, [parsed, "Try 'dd --help' for more information."]);
    return copy(context, parsed);
  },
};

function parseOperands(args: string[]): DdOperands | string {
  const o: DdOperands = {
    input: null,
    output: null,
    blockBytes: 512,
    count: null,
    skip: 0,
    seek: 0,
    conv: new Set(),
    oflag: new Set(),
    quiet: false,
  };
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at < 0) return `dd: unrecognized operand '${arg}'`;
    const key = arg.slice(0, at);
    const value = arg.slice(at + 1);
    const number = () => parseSize(value);
    switch (key) {
      case 'if':
        o.input = value;
        break;
      case 'of':
        o.output = value;
        break;
      case 'bs':
      case 'count':
      case 'skip':
      case 'seek': {
        const n = number();
        if (n === null || (key === 'bs' && n === 0)) return `dd: invalid number: '${value}'`;
        if (key === 'bs') o.blockBytes = n;
        else if (key === 'count') o.count = n;
        else o[key] = n;
        break;
      }
      case 'conv':
      case 'oflag':
      case 'iflag':
        for (const word of value.split(',')) {
          const known =
            key === 'conv'
              ? ['notrunc', 'fsync', 'fdatasync', 'sync']
              : ['append', 'direct', 'sync', 'dsync'];
          if (!known.includes(word))
            return `dd: invalid ${key === 'conv' ? 'conversion' : 'input flag'}: '${word}'`;
          if (key !== 'iflag') o[key].add(word);
        }
        break;
      case 'status':
        o.quiet = value === 'none';
        break;
      default:
        return `dd: unrecognized operand '${arg}'`;
    }
  }
  return o;
}

/** dd's numbers: a count with an optional multiplier (c w b K M G, KB MB GB as powers of 1000). */
function parseSize(text: string): number | null {
  const match = /^(\d+)(c|w|b|K|KiB|k|M|MiB|G|GiB|kB|KB|MB|GB)?$/.exec(text);
  if (!match) return null;
  const multipliers: Record<string, number> = {
    c: 1,
    w: 2,
    b: 512,
    K: 1024,
    k: 1024,
    KiB: 1024,
    M: 2 ** 20,
    MiB: 2 ** 20,
    G: 2 ** 30,
    GiB: 2 ** 30,
    kB: 1000,
    KB: 1000,
    MB: 1e6,
    GB: 1e9,
  };
  const value = Number(match[1]) * (match[2] ? multipliers[match[2]]! : 1);
  return Number.isSafeInteger(value) ? value : null;
}

type Source =
  | { kind: 'data'; data: string }
  | { kind: 'zeros' }
  | { kind: 'length'; bytes: number }
  | { kind: 'device'; path: string; bytes: number };

function copy(context: CommandContext, o: DdOperands): CommandResult {
  const { machine } = context;
  const source = openInput(context, o);
  if (typeof source === 'string') return fail(1, [source]);
  const available =
    source.kind === 'zeros' ? Infinity : source.kind === 'data' ? source.data.length : source.bytes;
  const wanted = o.count === null ? available : o.count * o.blockBytes;
  const skipBytes = o.skip * o.blockBytes;
  let bytes = Math.max(0, Math.min(wanted, available - skipBytes));
  if (!Number.isFinite(bytes)) {
    if (!o.output || !o.output.startsWith('/dev/'))
      return fail(1, ['dd: Cellar needs count= when reading from /dev/zero into a file']);
    const size = machine.deviceSectors(o.output);
    bytes = size.ok ? Math.max(0, size.value * SECTOR_BYTES - o.seek * o.blockBytes) : 0;
  }
  if (source.kind === 'device') {
    const read = machine.blockIo(
      source.path,
      'read',
      Math.floor(skipBytes / SECTOR_BYTES),
      Math.ceil(Math.max(bytes, 1) / SECTOR_BYTES),
    );
    if (!read.ok) return failed(o, `dd: error reading '${source.path}': ${errnoText(read.error)}`, 0, 0);
  }
  if (!Number.isSafeInteger(o.seek * o.blockBytes + bytes)) {
    return fail(1, [
      `dd: '${o.output ?? 'standard output'}': cannot seek: Value too large for defined data type`,
    ]);
  }
  const recordsIn = recordsOf(bytes, o.blockBytes);
  const written = writeOutput(machine, context.resolve, o, source, skipBytes, bytes);
  if (!written.ok) {
    return written.fatal ? fail(1, [written.message]) : failed(o, written.message, bytes, written.bytesDone);
  }
  return { stdout: [], stderr: o.quiet ? [] : ddStats(recordsIn, recordsIn, bytes), exitCode: 0 };
}

function failed(o: DdOperands, message: string, bytesIn: number, bytesOut: number): CommandResult {
  const recordsIn = recordsOf(bytesIn, o.blockBytes);
  return fail(1, [message, ...ddStats(recordsIn, recordsOf(bytesOut, o.blockBytes), bytesOut)]);
}

function openInput(context: CommandContext, o: DdOperands): Source | string {
  if (o.input === null) return { kind: 'data', data: context.stdin ?? '' };
  if (ENDLESS.includes(o.input)) return { kind: 'zeros' };
  if (o.input.startsWith('/dev/')) {
    const size = context.machine.deviceSectors(o.input);
    if (!size.ok) return `dd: failed to open '${o.input}': ${errnoText(size.error)}`;
    return { kind: 'device', path: o.input, bytes: size.value * SECTOR_BYTES };
  }
  const path = context.resolve(o.input);
  const found = context.machine.stat(path);
  if (!found.ok) return `dd: failed to open '${o.input}': ${errnoText(found.error)}`;
  if (found.value.kind === 'dir') return `dd: error reading '${o.input}': Is a directory`;
  const read = context.machine.read(path);
  if (!read.ok) return `dd: error reading '${o.input}': ${errnoText(read.error)}`;
  const text = context.session.textOf(path);
  return text !== undefined ? { kind: 'data', data: text } : { kind: 'length', bytes: found.value.sizeBytes };
}

/** `fatal`: dd stopped before copying anything (opening or cutting the output) and prints no statistics. */
type WriteAnswer = { ok: true } | { ok: false; message: string; bytesDone: number; fatal?: boolean };

function writeOutput(
  machine: Machine,
  resolve: (path: string) => string,
  o: DdOperands,
  source: Source,
  skipBytes: number,
  bytes: number,
): WriteAnswer {
  const output = o.output;
  if (output === null || output === '/dev/null') return { ok: true };
  const offsetBytes = o.seek * o.blockBytes;
  if (output.startsWith('/dev/')) return writeDevice(machine, output, o, offsetBytes, bytes);
  const path = resolve(output);
  const append = o.oflag.has('append');
  // Without conv=notrunc even oflag=append cuts the file first (GNU dd's known trap).
  const notrunc = o.conv.has('notrunc');
  const data =
    source.kind === 'data'
      ? source.data.slice(skipBytes, skipBytes + bytes)
      : source.kind === 'zeros' && bytes <= REAL_ZEROS_MAX_BYTES
        ? '\0'.repeat(bytes)
        : null;
  if (!notrunc) {
    // dd cuts the file at the seek point before writing; Cellar refuses to cut a stick's overlay (EINVAL).
    const existed = machine.stat(path).ok;
    const cut = machine.write(path, offsetBytes, 'truncate');
    if (!cut.ok) {
      const message = existed
        ? `dd: failed to truncate to ${offsetBytes} bytes in output file '${output}': ${errnoText(cut.error)}`
        : `dd: failed to open '${output}': ${errnoText(cut.error)}`;
      return { ok: false, message, bytesDone: 0, fatal: true };
    }
  }
  if (append) {
    const done = machine.write(path, bytes, 'append');
    return done.ok
      ? { ok: true }
      : { ok: false, message: `dd: error writing '${output}': ${errnoText(done.error)}`, bytesDone: 0 };
  }
  const done =
    data !== null
      ? machine.writeBytes(
          path,
          offsetBytes,
          Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff),
        )
      : machine.write(path, bytes, 'in-place', offsetBytes);
  return done.ok
    ? { ok: true }
    : { ok: false, message: `dd: error writing '${output}': ${errnoText(done.error)}`, bytesDone: 0 };
}

/** Block by block, as dd writes: the first block the device refuses ends the copy. */
function writeDevice(
  machine: Machine,
  device: string,
  o: DdOperands,
  offsetBytes: number,
  bytes: number,
): WriteAnswer {
  const size = machine.deviceSectors(device);
  if (!size.ok)
    return { ok: false, message: `dd: failed to open '${device}': ${errnoText(size.error)}`, bytesDone: 0 };
  let done = 0;
  while (done < bytes) {
    const length = Math.min(o.blockBytes, bytes - done);
    const first = Math.floor((offsetBytes + done) / SECTOR_BYTES);
    const last = Math.ceil((offsetBytes + done + length) / SECTOR_BYTES);
    const written = machine.blockIo(device, 'write', first, last - first);
    if (!written.ok)
      return {
        ok: false,
        message: `dd: error writing '${device}': ${errnoText(written.error)}`,
        bytesDone: done,
      };
    done += length;
  }
  return { ok: true };
}
