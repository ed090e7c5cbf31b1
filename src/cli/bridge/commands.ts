// The bridge's fixed, read-only commands: each report command as the program and argument array it runs
// (never a shell, never anything a caller chose), and how its output or failure becomes a CommandOutput.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { NEEDS_ROOT_MESSAGE, type CommandOutput, type ReportCommand } from '../../real/report';

type Run = () => Promise<CommandOutput>;

/**
 * English messages whatever the learner's language, so "Permission denied" is found; and the system
 * folders after the learner's own PATH, where Debian keeps dmsetup and losetup out of an ordinary user's
 * reach (they would read as missing instead of needing sudo). The probe does the same.
 */
const TOOL_ENV = { ...process.env, LC_ALL: 'C', PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };

/** Enough for a big machine's `findmnt -J`; a command that prints more is not one of ours. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
/** dmsetup can hang on a wedged device; a reading that never ends must not stop the next one. */
const TIMEOUT_MS = 5000;

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The failure's kind from what the program or the system said. */
function failure(code: string | number | undefined, said: string): CommandOutput {
  const message = firstLine(said) || `exited with ${String(code)}`;
  if (code === 'ENOENT') return { ok: false, problem: 'missing', message };
  if (code === 'EACCES' || code === 'EPERM' || NEEDS_ROOT_MESSAGE.test(said)) {
    return { ok: false, problem: 'needs-root', message };
  }
  return { ok: false, problem: 'failed', message };
}

function program(file: string, args: readonly string[]): Run {
  return () =>
    new Promise((resolve) => {
      execFile(
        file,
        args,
        { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, timeout: TIMEOUT_MS, env: TOOL_ENV },
        (error, stdout, stderr) => {
          if (!error) return resolve({ ok: true, stdout });
          const { code } = error as NodeJS.ErrnoException & { code?: string | number };
          // A program that failed without a word gets "exited with N", as the shell probe says it.
          const said =
            stderr ||
            (code === 'ENOENT' ? `${file}: not installed` : typeof code === 'number' ? '' : error.message);
          resolve(failure(code, said));
        },
      );
    });
}

async function kernelCommandLine(): Promise<CommandOutput> {
  try {
    return { ok: true, stdout: await readFile('/proc/cmdline', 'utf8') };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return failure(code, message);
  }
}

/** How the bridge runs each report command; /proc/cmdline and the kernel release need no program. */
export const BRIDGE_COMMANDS: Record<ReportCommand, Run> = {
  'dmsetup status': program('dmsetup', ['status']),
  'dmsetup table': program('dmsetup', ['table']),
  'dmsetup ls': program('dmsetup', ['ls']),
  'losetup -a': program('losetup', ['-a']),
  'findmnt -J': program('findmnt', ['-J']),
  'cat /proc/cmdline': kernelCommandLine,
  'uname -r': async () => ({ ok: true, stdout: `${release()}\n` }),
};
