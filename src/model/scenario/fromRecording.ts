// A file-level scenario made from a kernel-lab recording (kernel-golden/v1) by reading the shell commands
// it ran: the base from its mkfs line and its `du`/`find` counts, the overlay from its `dd` and `dmsetup
// create`, and each step's commands (dd, rm, mkdir, touch, reads, loops of dd, mount, umount, dmsetup
// remove/create). Commands it cannot read are listed, never guessed; read-only ones (e2fsck -n, ls,
// losetup, dmsetup status) change nothing on the overlay and are passed over. The time that passed before
// each step's state was captured passes on the model's clock too, before the step's operations: what ext4
// does on its own after a mount (the lazy-init thread) depends on it.

import type { FileOp } from '../fs/fileOps';
import type { FileScenario } from './fileScenario';

/** The parts of a kernel-golden/v1 recording this reads. */
export interface LabRecording {
  scenario: string;
  base_filesystem: Record<string, string>;
  /** dumpe2fs -h of the base, line by line (the hash seed is read from it). */
  base_dumpe2fs_header?: string[];
  setup_commands: { cmd: string; output: string[] }[];
  /** `guest_uptime_s`: when the step's state was captured (seconds since the lab machine booted). */
  steps: { name: string; commands: { cmd: string }[]; guest_uptime_s?: number }[];
}

export interface Translation {
  scenario: FileScenario;
  /** Commands that were not understood, with their step; an empty list means a faithful translation. */
  unsupported: string[];
}

const MOUNT = '/mnt/s';
const IGNORED = [
  /^losetup /,
  /^e2fsck -fn? /,
  /^dmsetup status/,
  /^sync$/,
  /^sh -c (ls|grep|echo 3 >)/,
  /^sh -c cd \/mnt\/s && md5sum -c /,
];

export function scenarioFromRecording(recording: LabRecording): Translation {
  const unsupported: string[] = [];
  const setup = recording.setup_commands.map((c) => c.cmd);
  const mkfs = setup.find((cmd) => /^mkfs\.ext[234] /.test(cmd))?.replace(/\s\S+$/, ' rootfs.img');
  const du = recording.setup_commands.find((c) => c.cmd.includes('du -sk'))?.output ?? [];
  const overlayMib = Number(/of=\/lab\/overlay\.img bs=1M count=(\d+)/.exec(setup.join('\n'))?.[1]);
  const table = /snapshot \S+ \S+ (\w+) (\d+)/.exec(
    setup.find((cmd) => cmd.startsWith('dmsetup create')) ?? '',
  );
  if (!mkfs || du.length < 2 || !overlayMib || !table)
    unsupported.push('setup: mkfs, du/find, overlay dd or dmsetup create not found');

  const bytesOf = (key: string) => Number(recording.base_filesystem[key]);
  const created = new Set<string>();
  const reads = new Set<string>();
  const steps = recording.steps.map(({ name, commands, guest_uptime_s: at }, index) => {
    const ops = commands.flatMap(({ cmd }) => {
      const translated = translate(cmd);
      if (translated === null) unsupported.push(`${name}: ${cmd}`);
      for (const op of translated ?? []) {
        if (op.op === 'write' || op.op === 'mkdir') created.add(op.path);
        if (op.op === 'read' && !created.has(op.path)) reads.add(op.path);
      }
      return translated ?? [];
    });
    return { name, ops: [...timePassed(recording.steps[index - 1]?.guest_uptime_s, at), ...ops] };
  });

  const md5Checked = recording.steps.some((s) => s.commands.some((c) => c.cmd.includes('md5sum -c')));
  const hashSeed = /^Directory Hash Seed:\s+(\S+)$/
    .exec((recording.base_dumpe2fs_header ?? []).find((line) => line.startsWith('Directory Hash Seed')) ?? '')
    ?.at(1);
  return {
    scenario: {
      schema: 'cellar-scenario/v1',
      kind: 'file',
      name: recording.scenario,
      base: {
        fs: mkfs?.startsWith('mkfs.ext3') ? 'ext3' : 'ext4',
        size_bytes: bytesOf('Block count') * bytesOf('Block size'),
        mkfs: mkfs ?? 'mkfs.ext4 rootfs.img',
        ...(hashSeed ? { hash_seed: hashSeed } : {}),
        tree: {
          files: Number(du[1]),
          bytes: Number(/^(\d+)/.exec(du[0] ?? '')?.[1]) * 1024,
          include: [...reads],
          // A checksum list of the base (checked with md5sum -c) was made by reading every file once.
          read_after_build: md5Checked,
        },
      },
      overlay: {
        cow_sectors: overlayMib * 2048,
        store: table?.[1] ?? 'P',
        chunk_sectors: Number(table?.[2] ?? 8),
      },
      steps,
    },
    unsupported,
  };
}

/** The seconds between two captured states as an `advance` (none when either time is missing). */
function timePassed(fromS: number | undefined, toS: number | undefined): FileOp[] {
  if (fromS === undefined || toS === undefined || toS <= fromS) return [];
  return [{ op: 'advance', ms: Math.round((toS - fromS) * 1000) }];
}

/** One recorded command as file operations; null when it is not understood. */
function translate(cmd: string): FileOp[] | null {
  if (IGNORED.some((pattern) => pattern.test(cmd))) return [];
  if (cmd === `mount /dev/mapper/live-rw ${MOUNT}`) return [{ op: 'mount' }];
  if (cmd === `umount ${MOUNT}`) return [{ op: 'umount' }];
  if (cmd === 'dmsetup remove live-rw') return [{ op: 'remove' }];
  if (cmd.startsWith('dmsetup create live-rw ')) return [{ op: 'create' }];
  const dd = ddWrite(cmd);
  if (dd) return [dd];
  let m = /^rm (-[rf]+ )?\/mnt\/s(\/\S+)$/.exec(cmd);
  if (m)
    return [
      { op: 'rm', path: m[2]!, recursive: m[1]?.includes('r') ?? false, force: m[1]?.includes('f') ?? false },
    ];
  m = /^mkdir (-p )?\/mnt\/s(\/\S+)$/.exec(cmd);
  if (m) return [{ op: m[1] ? 'mkdir-p' : 'mkdir', path: m[2]! }];
  m = /^touch (?:-d (\S+ \S+) )?\/mnt\/s(\/\S+)$/.exec(cmd);
  if (m) return [{ op: 'touch', path: m[2]!, ...(m[1] ? { time: `${m[1].replace(' ', 'T')}Z` } : {}) }];
  m = /^sh -c cd \/mnt\/s && md5sum ((?:[^-\s]\S*\s?)+)$/.exec(cmd);
  if (m)
    return m[1]!
      .trim()
      .split(/\s+/)
      .map((file): FileOp => ({ op: 'read', path: `/${file}` }));
  m = /^sh -c cat \/mnt\/s(\/\S+) > \/dev\/null$/.exec(cmd);
  if (m) return [{ op: 'read', path: m[1]! }];
  m = /^sh -c for i in \$\(seq 1 (\d+)\); do (dd .*?)(?: 2>\/dev\/null)?; done$/.exec(cmd);
  if (m) {
    const inner = ddWrite(m[2]!.replace('$i', '{i}'));
    return inner ? [{ op: 'repeat', count: Number(m[1]), ops: [inner] }] : null;
  }
  return null;
}

/** `dd if=/dev/urandom of=/mnt/s/… bs=… count=… [conv=notrunc] [oflag=append]` as a write. */
function ddWrite(cmd: string): FileOp | null {
  const m = /^dd if=\/dev\/urandom of=\/mnt\/s(\/\S+) bs=(\d+)([KM]?) count=(\d+)(.*)$/.exec(cmd);
  if (!m) return null;
  const unit = m[3] === 'M' ? 1024 * 1024 : m[3] === 'K' ? 1024 : 1;
  const rest = m[5] ?? '';
  const how = rest.includes('oflag=append')
    ? 'append'
    : rest.includes('conv=notrunc')
      ? 'in-place'
      : 'truncate';
  return { op: 'write', path: m[1]!, bytes: Number(m[2]) * unit * Number(m[4]), how };
}
