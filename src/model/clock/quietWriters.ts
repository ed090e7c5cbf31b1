// The programs that write to a LiveOS stick while nobody is doing anything, with their habits, as file
// operations. NetworkManager's timestamps rewrite and the other sizes come from the kernel lab's LiveOS run
// (test/fixtures/kernel/f_liveos_4k.json); how often each runs is a stated assumption, adjustable per writer.

import type { FileOp } from '../fs/fileOps';

export type QuietWriterId = 'networkmanager' | 'audit' | 'abrt' | 'packagekit';

export interface QuietWriter {
  id: QuietWriterId;
  /** What the learner reads. */
  label: string;
  /** The folder it writes in: moving it to RAM (tmpfs) makes it cost no overlay. */
  folder: string;
  everyMs: number;
  /** The operations of its n-th run (n from 1). */
  ops(n: number): FileOp[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const QUIET_WRITERS: readonly QuietWriter[] = [
  {
    id: 'networkmanager',
    label: 'NetworkManager rewrites its list of known networks',
    folder: '/var/lib/NetworkManager',
    // NetworkManager saves its timestamps file about every 5 minutes while connected.
    everyMs: 5 * MINUTE_MS,
    ops: () => [
      { op: 'rm', path: '/var/lib/NetworkManager/timestamps', force: true },
      { op: 'write', path: '/var/lib/NetworkManager/timestamps', bytes: 1024 },
    ],
  },
  {
    id: 'audit',
    label: 'The audit daemon adds to its log',
    folder: '/var/log/audit',
    // Assumed: 10 KiB (the lab's append) every 10 minutes, about 1.4 MiB a day.
    everyMs: 10 * MINUTE_MS,
    ops: () => [{ op: 'write', path: '/var/log/audit/audit.log', bytes: 10240, how: 'append' }],
  },
  {
    id: 'abrt',
    label: 'A program crashes and abrt keeps its core dump',
    folder: '/var/spool/abrt',
    // Assumed: one crash a week; abrt keeps dumps until they are reported (the lab's dump: 8 MiB + 6 files).
    everyMs: 7 * DAY_MS,
    ops: (n) => {
      const dir = `/var/spool/abrt/ccpp-${n}`;
      const small = ['analyzer', 'cmdline', 'executable', 'reason', 'time', 'uid'];
      return [
        { op: 'mkdir-p', path: dir },
        { op: 'write', path: `${dir}/coredump`, bytes: 8 * 1024 * 1024 },
        ...small.map((name): FileOp => ({ op: 'write', path: `${dir}/${name}`, bytes: name.length + 1 })),
      ];
    },
  },
  {
    id: 'packagekit',
    label: 'Software updates replace library files',
    folder: '/usr/lib',
    // Assumed: a weekly update like the lab's: 30 × 200 KiB written under a temporary name, then renamed over.
    everyMs: 7 * DAY_MS,
    ops: () => [
      {
        op: 'repeat',
        count: 30,
        ops: [
          { op: 'write', path: '/usr/lib/lib{i}.so;update', bytes: 204800 },
          { op: 'rename', from: '/usr/lib/lib{i}.so;update', to: '/usr/lib/lib{i}.so' },
        ],
      },
    ],
  },
];
