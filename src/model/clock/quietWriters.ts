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
const AUDIT_LOG = '/var/log/audit/audit.log';
const AUDIT_APPEND_BYTES = 10240;
/** auditd.conf's defaults (Fedora): max_log_file = 8 (MiB), num_logs = 5, max_log_file_action = ROTATE. */
const AUDIT_MAX_LOG_BYTES = 8 * 1024 * 1024;
const AUDIT_LOGS = 5;

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
    // Assumed: 10 KiB (the lab's append) every 10 minutes, about 1.4 MiB a day. auditd keeps its log open
    // for appending between rotations (auditd-event.c: open_audit_log once, closed only by rotate_logs).
    everyMs: 10 * MINUTE_MS,
    ops: (n) => [
      ...auditRotation(n),
      { op: 'write', path: AUDIT_LOG, bytes: AUDIT_APPEND_BYTES, how: 'append', keepOpen: true },
    ],
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

/**
 * auditd's rotation before the n-th append, when the log has reached max_log_file: it closes audit.log,
 * which becomes audit.log.1 as each older one moves up, the one moved onto audit.log.4 (num_logs - 1)
 * replacing it; the next append opens a new audit.log.
 */
function auditRotation(n: number): FileOp[] {
  const perLog = Math.floor(AUDIT_MAX_LOG_BYTES / AUDIT_APPEND_BYTES);
  if (n === 1 || (n - 1) % perLog !== 0) return [];
  const older = Math.min((n - 1) / perLog - 1, AUDIT_LOGS - 2);
  const ops: FileOp[] = [{ op: 'close', path: AUDIT_LOG }];
  for (let k = older; k >= 1; k--) {
    ops.push({ op: 'rename', from: `${AUDIT_LOG}.${k}`, to: `${AUDIT_LOG}.${k + 1}` });
  }
  ops.push({ op: 'rename', from: AUDIT_LOG, to: `${AUDIT_LOG}.1` });
  return ops;
}
