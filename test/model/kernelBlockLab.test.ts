// The block-level kernel recordings (d_full, e_origin_merge), command by command on the model: every `dd`
// and `dmsetup create` has the kernel's exit code, and after every step the status, the COW header and
// the exception table match, byte for byte where the lab captured the metadata areas (d_full steps 5, 10 and 26).

import { describe, expect, it } from 'vitest';
import { cowSource, readOverlay } from '../../src/model/dm/overlayFile';
import { loadGolden, type Golden } from '../helpers/golden';
import { compareWithCow } from '../helpers/rawCapture';
import { LabMachine } from '../helpers/labCommands';

/** Runs a recording; returns the machine and a report per step. */
async function runRecording(golden: Golden & { setup_commands: { cmd: string; rc: number }[] }) {
  const lab = new LabMachine();
  for (const { cmd } of golden.setup_commands) lab.run(cmd);
  const steps = [];
  for (const step of golden.steps) {
    const exitCodes = step.commands.map(({ cmd, rc }) => ({ cmd, rc, model: lab.run(cmd) }));
    const cow = lab.current?.cow;
    const overlay = cow && lab.current!.store.type !== 'N' ? await readOverlay(cowSource(cow)) : null;
    const rawMismatches =
      step.raw_capture && cow ? compareWithCow(step.raw_capture, (o, l) => cow.read(o, l)) : null;
    steps.push({ step, exitCodes, status: lab.statusLine(), overlay, rawMismatches });
  }
  return steps;
}

describe('d_full: tiny overlays filled exactly, overflowed and re-created', () => {
  it('every command exits as on the kernel and every step shows the kernel status and header', async () => {
    const golden = loadGolden('d_full') as Golden & { setup_commands: { cmd: string; rc: number }[] };
    let rawChecked = 0;
    for (const { step, exitCodes, status, overlay, rawMismatches } of await runRecording(golden)) {
      const where = `d_full step ${step.index} (${step.name})`;
      for (const { cmd, rc, model } of exitCodes)
        if (model !== null) expect(model, `${where}: ${cmd}`).toBe(rc);
      if (step.status !== null) {
        expect(status, where).toBe(step.status);
        expect(overlay!.headerHex16, where).toBe(step.cow_header_hex16);
        expect(overlay!.exceptions.length, where).toBe(step.exceptions!.count);
      }
      if (rawMismatches) {
        rawChecked++;
        expect(rawMismatches, where).toEqual([]);
      }
    }
    expect(rawChecked).toBe(3);
  });
});

describe('e_origin_merge: origin writes and transient stores', () => {
  // Steps 5–7 merge the snapshot back into the origin (snapshot-merge), which LiveOS never does and the
  // model does not simulate; the recording is followed again from step 8, on a fresh COW.
  const MERGE_STEPS = new Set([5, 6, 7]);

  it('origin writes copy each chunk once and invalidate a COW too small; NO behaves as N', async () => {
    const golden = loadGolden('e_origin_merge') as Golden & { setup_commands: { cmd: string; rc: number }[] };
    let compared = 0;
    for (const { step, exitCodes, status, overlay } of await runRecording(golden)) {
      if (MERGE_STEPS.has(step.index) || step.status === null) continue;
      const where = `e step ${step.index} (${step.name})`;
      for (const { cmd, rc, model } of exitCodes)
        if (model !== null) expect(model, `${where}: ${cmd}`).toBe(rc);
      expect(status, where).toBe(step.status);
      if (overlay) {
        expect(overlay.headerHex16, where).toBe(step.cow_header_hex16);
        expect(overlay.exceptions.length, where).toBe(
          (step as { exceptions?: { count: number } }).exceptions?.count,
        );
      }
      compared++;
    }
    expect(compared).toBe(12);
  });
});
