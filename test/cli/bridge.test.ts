// `cellar bridge` as a real process on loopback, reading stand-in dmsetup/losetup/findmnt executables that
// print the kernel-recorded lines of b_overflow_PO, and a fake LiveOS folder with a sparse overlay file:
// what it serves, live updates over SSE, every refusal, where it listens, and what it says without root.

import {
  chmodSync,
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellarReport } from '../../src/real/report';
import {
  ask,
  type Bridge,
  DMSETUP_WITHOUT_ROOT,
  makeStandIns,
  openEvents,
  pathWith,
  startBridgeProcess,
  type StandIns,
  UNPRIVILEGED,
} from '../helpers/bridgeProcess';
import { loadGolden } from '../helpers/golden';

const golden = loadGolden('b_overflow_PO');
const created = golden.steps[0]!;
const written = golden.steps[2]!;
const OVERLAY = 'overlay-SOAS-1234-5678';

let standIns: StandIns;
let bridge: Bridge;

function showStep(step: typeof created): void {
  standIns.setOutput('dmsetup status', `live-rw: ${step.status}\n`);
  standIns.setOutput('dmsetup table', `live-rw: ${step.table}\n`);
}

/** A sparse overlay file of the recorded size whose first 16 bytes are the recorded header. */
function writeOverlay(path: string, step: typeof created): void {
  const fd = openSync(path, 'w');
  writeSync(fd, Buffer.from(step.cow_header_hex16, 'hex'));
  ftruncateSync(fd, step.cow_file_bytes);
  closeSync(fd);
}

beforeAll(async () => {
  standIns = makeStandIns();
  showStep(created);
  standIns.setOutput('dmsetup ls', 'live-rw\t(253:0)\n');
  standIns.setOutput('losetup -a', '/dev/loop1: [0002]:12 (/run/initramfs/live/LiveOS/squashfs.img)\n');
  standIns.setOutput('findmnt -J', '{"filesystems": [{"target": "/", "source": "/dev/mapper/live-rw"}]}\n');
  writeFileSync(join(standIns.liveOs, 'squashfs.img'), Buffer.alloc(8192, 1));
  writeOverlay(join(standIns.liveOs, OVERLAY), created);
  bridge = await startBridgeProcess(['--live-dir', standIns.liveOs, '--interval-ms', '200'], {
    ...process.env,
    PATH: pathWith(standIns.bin),
  });
}, 20_000);

afterAll(async () => {
  await bridge?.stop();
  standIns?.remove();
});

const withToken = (path: string) => `${path}?token=${bridge.token}`;

async function report(): Promise<CellarReport> {
  const answer = await ask(bridge.port, withToken('/report'));
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as CellarReport;
}

describe('what the bridge serves', () => {
  it('prints exactly one line, the address with its token', () => {
    expect(bridge.stdout()).toMatch(/^Cellar bridge: http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}\n$/);
  });

  it("serves a cellar-report/v1 with the commands' outputs as printed", async () => {
    const got = await report();
    expect(got.format).toBe('cellar-report/v1');
    expect(got.source).toBe('bridge');
    expect(Number.isNaN(Date.parse(got.takenAt))).toBe(false);
    expect(got.outputs['dmsetup status']).toEqual({ ok: true, stdout: `live-rw: ${created.status}\n` });
    expect(got.outputs['dmsetup table']).toEqual({ ok: true, stdout: `live-rw: ${created.table}\n` });
    expect(got.outputs['dmsetup ls']).toEqual({ ok: true, stdout: 'live-rw\t(253:0)\n' });
    expect(got.outputs['findmnt -J']).toMatchObject({ ok: true, stdout: expect.stringContaining('live-rw') });
    expect(got.outputs['cat /proc/cmdline']).toEqual({
      ok: true,
      stdout: readFileSync('/proc/cmdline', 'utf8'),
    });
    expect(got.outputs['uname -r']).toMatchObject({ ok: true });
  });

  it('stats the LiveOS files (the sparse overlay takes less than its size) and reads the header', async () => {
    const got = await report();
    const overlayPath = join(standIns.liveOs, OVERLAY);
    expect(got.liveOs?.folder).toBe(standIns.liveOs);
    expect(got.liveOs?.files.map((file) => file.path)).toEqual([
      overlayPath,
      join(standIns.liveOs, 'squashfs.img'),
    ]);
    const overlay = got.liveOs!.files[0]!;
    expect(overlay.sizeBytes).toBe(created.cow_file_bytes);
    expect(overlay.allocatedBytes).toBeLessThan(overlay.sizeBytes);
    expect(got.overlayHeader).toEqual({
      path: overlayPath,
      headerHex: created.cow_header_hex16,
      problem: null,
    });
  });

  it('sends a report event at once, then another when the stick changes', async () => {
    const events = openEvents(bridge.port, withToken('/events'), { host: `localhost:${bridge.port}` });
    try {
      const first = (await events.nextReport()) as CellarReport;
      expect(first.outputs['dmsetup status']).toMatchObject({ stdout: `live-rw: ${created.status}\n` });
      showStep(written);
      const next = (await events.nextReport()) as CellarReport;
      expect(next.outputs['dmsetup status']).toMatchObject({ stdout: `live-rw: ${written.status}\n` });
      // Several readings later, an unchanged stick has sent nothing more.
      await expect(events.nextReport(800)).rejects.toThrow('no report event');
    } finally {
      events.close();
      showStep(created);
    }
  });

  it('answers the page at / with what this is and how to paste the address', async () => {
    const answer = await ask(bridge.port, withToken('/'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toContain('Real stick');
  });

  it("lets the activity's origins read it (CORS) and answers HEAD without a body", async () => {
    for (const origin of [
      'null',
      'http://localhost:5173',
      'http://127.0.0.1:4173',
      'activity://org.sugarlabs.cellar',
    ]) {
      const answer = await ask(bridge.port, withToken('/report'), { headers: { origin } });
      expect(answer.status, origin).toBe(200);
      expect(answer.headers['access-control-allow-origin'], origin).toBe(origin);
    }
    const head = await ask(bridge.port, withToken('/report'), { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
  });
});

describe('what the bridge refuses', () => {
  const refused = async (path: string, status: number, options: Parameters<typeof ask>[2] = {}) => {
    const answer = await ask(bridge.port, path, options);
    expect(answer.status, `${options.method ?? 'GET'} ${path} ${JSON.stringify(options.headers ?? {})}`).toBe(
      status,
    );
    expect(answer.body).not.toContain('cellar-report');
  };

  it('a missing or wrong token (401)', async () => {
    await refused('/report', 401);
    await refused('/events', 401);
    await refused('/report?token=', 401);
    await refused(`/report?token=${bridge.token.slice(0, -1)}`, 401);
    await refused(`/report?token=${bridge.token}x`, 401);
    await refused(`/report?token=..%2f..%2fetc%2fpasswd`, 401);
  });

  it('a Host other than 127.0.0.1:PORT or localhost:PORT (DNS rebinding, 421)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${bridge.port}`,
      '127.0.0.1',
      `127.0.0.1:${bridge.port + 1}`,
      `[::1]:${bridge.port}`,
    ]) {
      await refused(withToken('/report'), 421, { headers: { host } });
    }
  });

  it('a foreign Origin (403)', async () => {
    for (const origin of [
      'http://evil.example',
      'https://localhost:5173',
      'http://localhost.evil.example',
      'activity://org.evil.cellar',
      'file://',
    ]) {
      await refused(withToken('/report'), 403, { headers: { origin } });
      await refused(withToken('/events'), 403, { headers: { origin } });
    }
  });

  it('any method but GET and HEAD (405)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      await refused(withToken('/report'), 405, { method });
    }
  });

  it('any other path, traversal included (404)', async () => {
    for (const path of [
      '/x',
      '/report/',
      '//report',
      '/report/../x',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/report',
      '/events/..',
      '/REPORT',
    ]) {
      await refused(withToken(path), 404);
    }
  });

  it('any parameter but the token, or the token twice (400)', async () => {
    await refused(`${withToken('/report')}&file=..%2f..%2fetc%2fpasswd`, 400);
    await refused(`/report?cmd=rm&token=${bridge.token}`, 400);
    await refused(`${withToken('/report')}&token=${bridge.token}`, 400);
  });
});

describe('where the bridge listens', () => {
  it('on 127.0.0.1 only, never a wildcard', () => {
    const portHex = bridge.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = (table: string) =>
      readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[1]?.endsWith(`:${portHex}`) && fields[3] === '0A')
        .map((fields) => fields[1]!.split(':')[0]);
    expect(listening('/proc/net/tcp')).toEqual(['0100007F']);
    expect(listening('/proc/net/tcp6')).toEqual([]);
  });

  it("answers nothing on this machine's other addresses", async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      // IPv4 only (a link-local IPv6 address cannot be dialled without its scope); none on a machine offline.
      .filter((address) => address && !address.internal && address.family === 'IPv4')
      .map((address) => address!.address);
    for (const host of [...others, '::1']) {
      await expect(ask(bridge.port, withToken('/report'), { host }), host).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    }
  });
});

describe('without root, or without the tools', () => {
  it('reports which readings need sudo, and keeps the others', async () => {
    const denied = makeStandIns();
    denied.denyDmsetup();
    denied.setOutput('losetup -a', '');
    denied.setOutput('findmnt -J', '{"filesystems": []}\n');
    // An overlay file only root may read, as on a stick (the bridge runs as an ordinary user here).
    const overlayPath = join(denied.liveOs, OVERLAY);
    writeOverlay(overlayPath, created);
    chmodSync(overlayPath, 0o000);
    const user = await startBridgeProcess(
      ['--live-dir', denied.liveOs],
      { ...process.env, PATH: pathWith(denied.bin) },
      UNPRIVILEGED,
    );
    try {
      const got = JSON.parse((await ask(user.port, `/report?token=${user.token}`)).body) as CellarReport;
      for (const command of ['dmsetup status', 'dmsetup table', 'dmsetup ls'] as const) {
        expect(got.outputs[command]).toEqual({
          ok: false,
          problem: 'needs-root',
          message: DMSETUP_WITHOUT_ROOT.split('\n')[0],
        });
      }
      expect(got.outputs['losetup -a']).toEqual({ ok: true, stdout: '' });
      expect(got.liveOs?.files).toMatchObject([{ path: overlayPath, sizeBytes: created.cow_file_bytes }]);
      expect(got.overlayHeader).toEqual({ path: overlayPath, headerHex: null, problem: 'needs-root' });
      expect(got.root).toBe(false);
    } finally {
      await user.stop();
      denied.remove();
    }
  });

  it('says which programs are not installed, and has no LiveOS folder where there is none', async () => {
    const empty = makeStandIns();
    const bare = await startBridgeProcess(['--live-dir', join(empty.liveOs, 'absent')], {
      ...process.env,
      PATH: join(empty.liveOs),
    });
    try {
      const got = JSON.parse((await ask(bare.port, `/report?token=${bare.token}`)).body) as CellarReport;
      // findmnt lives in /usr/bin, out of this PATH; dmsetup and losetup are also looked for in the system
      // folders an ordinary user's PATH lacks on Debian, so they are missing only when not installed there.
      expect(got.outputs['findmnt -J']).toMatchObject({ ok: false, problem: 'missing' });
      for (const [command, program] of [
        ['dmsetup status', 'dmsetup'],
        ['losetup -a', 'losetup'],
      ] as const) {
        const installed = ['/usr/sbin', '/sbin'].some((dir) => existsSync(join(dir, program)));
        expect(got.outputs[command]?.ok === false && got.outputs[command].problem === 'missing').toBe(
          !installed,
        );
      }
      expect(got.outputs['cat /proc/cmdline']).toMatchObject({ ok: true });
      expect(got.liveOs).toBeNull();
    } finally {
      await bare.stop();
      empty.remove();
    }
  });
});

describe('starting and stopping', () => {
  it('stops on SIGTERM with exit code 0, having printed nothing after its line', async () => {
    const other = await startBridgeProcess(['--live-dir', standIns.liveOs], {
      ...process.env,
      PATH: pathWith(standIns.bin),
    });
    expect(await other.stop()).toBe(0);
    expect(other.stdout().split('\n')).toHaveLength(2);
  });

  it('refuses a port in use, and a port that is no number', async () => {
    const args = (port: string) => ['--port', port, '--live-dir', standIns.liveOs];
    await expect(startBridgeProcess(args(String(bridge.port)), process.env)).rejects.toThrow(
      `cellar: port ${bridge.port} is in use`,
    );
    await expect(startBridgeProcess(args('http'), process.env)).rejects.toThrow(
      '--port takes a whole number',
    );
  });
});
