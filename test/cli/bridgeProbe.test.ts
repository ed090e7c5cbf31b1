// The shell probe (public/cellar-probe.sh) under dash (Debian's /bin/sh; busybox ash is not tried here),
// with the same stand-ins as the bridge: it prints the bridge's report byte for byte but for its source and
// time, stays valid JSON whatever the tools print (quotes, backslashes, tabs, control characters, non-ASCII,
// odd file names), says needs-root without root, and `cellar bridge --probe-script` prints the very file
// that ships.

import { execFile } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellarReport } from '../../src/real/report';
import {
  ask,
  makeStandIns,
  pathWith,
  REPO,
  startBridgeProcess,
  type StandIns,
  UNPRIVILEGED,
} from '../helpers/bridgeProcess';
import { loadGolden } from '../helpers/golden';

const run = promisify(execFile);
const PROBE = join(REPO, 'public/cellar-probe.sh');
const step = loadGolden('b_overflow_PO').steps.at(-1)!;

/** Everything a tool could print that JSON must escape, and characters that must come through as they are. */
const NASTY = `say "hi" \\ back\\slash\\\ttab\r\u0001\u001f\u007f é ✓ 𝄞 '$(x)' \`y\`\n\nlast line without newline\\`;

let standIns: StandIns;

beforeAll(() => {
  standIns = makeStandIns();
  standIns.setOutput('dmsetup status', `live-rw: ${step.status}\n`);
  standIns.setOutput('dmsetup table', `live-rw: ${step.table}\n`);
  standIns.setOutput('dmsetup ls', 'live-rw\t(253:0)\n');
  standIns.setOutput('losetup -a', NASTY);
  standIns.setOutput('findmnt -J', '{"filesystems": []}\n');
  const fd = openSync(join(standIns.liveOs, 'overlay-SOAS-1234-5678'), 'w');
  writeSync(fd, Buffer.from(step.cow_header_hex16, 'hex'));
  ftruncateSync(fd, step.cow_file_bytes);
  closeSync(fd);
  writeFileSync(join(standIns.liveOs, 'home.img'), Buffer.alloc(4096, 7));
  writeFileSync(join(standIns.liveOs, 'a "quoted"\\ name\twith tab é.img'), '');
});

afterAll(() => standIns?.remove());

async function probe(): Promise<string> {
  const { stdout } = await run('dash', [PROBE, standIns.liveOs], {
    env: { ...process.env, PATH: pathWith(standIns.bin) },
  });
  return stdout;
}

async function bridgeReport(): Promise<CellarReport> {
  const bridge = await startBridgeProcess(['--live-dir', standIns.liveOs], {
    ...process.env,
    PATH: pathWith(standIns.bin),
  });
  try {
    return JSON.parse((await ask(bridge.port, `/report?token=${bridge.token}`)).body) as CellarReport;
  } finally {
    await bridge.stop();
  }
}

describe('the shell probe', () => {
  it("prints one line of JSON: the bridge's report with source probe", async () => {
    const text = await probe();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    const fromProbe = JSON.parse(text) as CellarReport;
    const fromBridge = await bridgeReport();
    expect(fromProbe.source).toBe('probe');
    expect(Number.isNaN(Date.parse(fromProbe.takenAt))).toBe(false);
    expect({ ...fromProbe, source: 'bridge', takenAt: '' }).toEqual({ ...fromBridge, takenAt: '' });
  }, 20_000);

  it('keeps nasty output exactly, escaped into valid JSON', async () => {
    const fromProbe = JSON.parse(await probe()) as CellarReport;
    expect(fromProbe.outputs['losetup -a']).toEqual({ ok: true, stdout: NASTY });
    expect(fromProbe.liveOs?.files.map((file) => file.path)).toContain(
      join(standIns.liveOs, 'a "quoted"\\ name\twith tab é.img'),
    );
    expect(fromProbe.overlayHeader?.headerHex).toBe(step.cow_header_hex16);
  });

  it('says needs-root for dmsetup and the overlay header without root, and keeps the rest', async () => {
    const denied = makeStandIns();
    denied.denyDmsetup();
    denied.setOutput('losetup -a', '');
    denied.setOutput('findmnt -J', '{}\n');
    const overlayPath = join(denied.liveOs, 'overlay-SOAS-1234-5678');
    writeFileSync(overlayPath, Buffer.from(step.cow_header_hex16, 'hex'));
    chmodSync(overlayPath, 0o000);
    try {
      const { stdout } = await run('dash', [PROBE, denied.liveOs], {
        env: { ...process.env, PATH: pathWith(denied.bin) },
        ...UNPRIVILEGED,
      });
      const report = JSON.parse(stdout) as CellarReport;
      expect(report.outputs['dmsetup status']).toEqual({
        ok: false,
        problem: 'needs-root',
        message: '/dev/mapper/control: open failed: Permission denied',
      });
      expect(report.outputs['losetup -a']).toEqual({ ok: true, stdout: '' });
      expect(report.overlayHeader).toEqual({ path: overlayPath, headerHex: null, problem: 'needs-root' });
      expect(report.root).toBe(false);
    } finally {
      denied.remove();
    }
  });

  it('is what `cellar bridge --probe-script` prints', async () => {
    const { stdout } = await run(process.execPath, ['bin/cellar.mjs', 'bridge', '--probe-script'], {
      cwd: REPO,
    });
    expect(stdout).toBe(readFileSync(PROBE, 'utf8'));
  });
});
