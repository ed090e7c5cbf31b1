// The bridge as a learner runs it, for the bridge and probe tests: stand-in dmsetup, losetup and findmnt
// executables first on PATH, printing what the test wrote for them (kernel-recorded status and table lines),
// a fake LiveOS folder, and `node bin/cellar.mjs bridge --port 0` started as a real process.

import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');

/** libdevmapper 1.02's words when /dev/mapper/control cannot be opened by a user (no "check the kernel"). */
export const DMSETUP_WITHOUT_ROOT = [
  '/dev/mapper/control: open failed: Permission denied',
  'Failure to communicate with kernel device-mapper driver.',
  'Incompatible libdevmapper 1.02.185 (2022-05-18) and kernel driver (unknown version).',
  'Command failed.',
].join('\n');

export interface StandIns {
  /** The folder to put first on PATH. */
  bin: string;
  /** The fake LiveOS folder. */
  liveOs: string;
  /** What `tool arg` prints next (`dmsetup status`, `losetup -a`…), written atomically. */
  setOutput(command: string, stdout: string): void;
  /** Make dmsetup fail as it does without root. */
  denyDmsetup(): void;
  remove(): void;
}

// Each stand-in prints the file named after its arguments; dmsetup fails like the real one when told to.
const STAND_IN = `#!/bin/sh
here=$(dirname "$0")
name=$(basename "$0")
if [ "$name" = dmsetup ] && [ -f "$here/denied" ]; then
  cat "$here/denied" >&2
  exit 1
fi
cat "$here/out/$name $*"
`;

export function makeStandIns(): StandIns {
  const root = mkdtempSync(join(tmpdir(), 'cellar-bridge-test-'));
  // Readable by the unprivileged user some tests run the bridge as.
  chmodSync(root, 0o755);
  const bin = join(root, 'bin');
  const liveOs = join(root, 'LiveOS');
  mkdirSync(join(bin, 'out'), { recursive: true });
  mkdirSync(liveOs);
  for (const tool of ['dmsetup', 'losetup', 'findmnt']) {
    writeFileSync(join(bin, tool), STAND_IN);
    chmodSync(join(bin, tool), 0o755);
  }
  const atomically = (path: string, text: string) => {
    writeFileSync(`${path}.new`, text);
    renameSync(`${path}.new`, path);
  };
  return {
    bin,
    liveOs,
    setOutput: (command, stdout) => atomically(join(bin, 'out', command), stdout),
    denyDmsetup: () => atomically(join(bin, 'denied'), `${DMSETUP_WITHOUT_ROOT}\n`),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** PATH with the stand-ins first. */
export const pathWith = (bin: string) => `${bin}:${process.env.PATH ?? ''}`;

export interface Bridge {
  process: ChildProcess;
  port: number;
  token: string;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

const ADDRESS_LINE = /^Cellar bridge: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)\n/;

/** The user a test runs the bridge as to see it without root: nobody when the tests run as root. */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export function startBridgeProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  user: { uid?: number; gid?: number } = {},
): Promise<Bridge> {
  const child = spawn(process.execPath, ['bin/cellar.mjs', 'bridge', '--port', '0', ...args], {
    cwd: REPO,
    env,
    ...user,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      if (signal) stderr += `killed by ${signal}`;
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = ADDRESS_LINE.exec(stdout);
      if (!match) return;
      child.stdout.off('data', check);
      resolve({
        process: child,
        port: Number(match[1]),
        token: match[2]!,
        stdout: () => stdout,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`the bridge exited (${code}) before its line: ${stderr}`)));
  });
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request with exactly the method, path and headers given (Host defaults to 127.0.0.1:port). */
export function ask(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (text: string) => (body += text));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export interface EventStream {
  /** The next `report` event's data, parsed. */
  nextReport(timeoutMs?: number): Promise<unknown>;
  close(): void;
}

/** A Server-Sent Events reader over node:http (Node 20 has no EventSource), for the report events. */
export function openEvents(port: number, path: string, headers: Record<string, string> = {}): EventStream {
  const reports: unknown[] = [];
  let wake: (() => void) | null = null;
  let buffer = '';
  const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
    response.setEncoding('utf8').on('data', (text: string) => {
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        if (!lines.includes('event: report')) continue;
        const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
        reports.push(JSON.parse(data.join('\n')));
        wake?.();
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    async nextReport(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (reports.length === 0) {
        if (Date.now() > deadline) throw new Error('no report event arrived');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
      return reports.shift();
    },
    close: () => req.destroy(),
  };
}
