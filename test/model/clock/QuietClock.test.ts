// The quiet writers over simulated time, on a LiveOS-like root over a P 8 overlay.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuietClock, type FileOpTarget } from '../../../src/model/clock/QuietClock';
import { QUIET_WRITERS } from '../../../src/model/clock/quietWriters';
import { OriginDevice } from '../../../src/model/block/BlockDevice';
import { CowDevice } from '../../../src/model/block/CowDevice';
import { SnapshotTarget } from '../../../src/model/dm/SnapshotTarget';
import { buildBaseImage } from '../../../src/model/fs/baseImage';
import { applyFileOp } from '../../../src/model/fs/fileOps';
import { SnapshotSink } from '../../../src/model/fs/SnapshotSink';
import type { FileScenario } from '../../../src/model/scenario/fileScenario';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The lab's LiveOS-like root, mounted on a fresh 1 GiB overlay. */
function liveRoot() {
  const scenario = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/file-scenarios/f_liveos_4k.json'), 'utf8'),
  ) as FileScenario;
  const fs = buildBaseImage(scenario.base);
  const made = SnapshotTarget.create({
    origin: new OriginDevice(scenario.base.size_bytes / 512),
    cow: new CowDevice(2 * 1024 * 1024),
    store: 'P',
    chunkSectors: 8,
  });
  if (!made.ok) throw new Error(made.message);
  fs.attach(new SnapshotSink(() => made.target, fs.layout.blockSizeBytes));
  fs.mount();
  const target: FileOpTarget = { apply: (op) => applyFileOp(fs, op), advance: (ms) => fs.advance(ms) };
  const chunks = () => {
    const status = made.target.status();
    return status.state === 'Valid' ? status.sectorsAllocated / 8 : NaN;
  };
  return { fs, target, chunks };
}

describe('the quiet writers', () => {
  it('run on their schedules: a day is 288 NetworkManager rewrites and 144 audit appends', () => {
    const { target } = liveRoot();
    const clock = new QuietClock(QUIET_WRITERS);
    clock.fastForward(DAY, target);
    expect(clock.runs('networkmanager')).toBe(288);
    expect(clock.runs('audit')).toBe(144);
    expect(clock.runs('abrt')).toBe(0);
    expect(clock.timeMs).toBe(DAY);
  });

  it('cost the overlay even though they keep rewriting the same few files', () => {
    const { target, chunks } = liveRoot();
    const clock = new QuietClock(QUIET_WRITERS);
    clock.setEnabled('abrt', false);
    clock.setEnabled('packagekit', false);
    const before = chunks();
    clock.fastForward(DAY, target);
    const firstDay = chunks() - before;
    clock.fastForward(DAY, target);
    const secondDay = chunks() - before - firstDay;
    // 288 one-KiB rewrites and 1.4 MiB of log cost several MiB: new data blocks and journal blocks.
    expect(firstDay).toBeGreaterThan(288 + 360);
    expect(secondDay).toBeGreaterThan(288);
  });

  it('a stopped writer costs nothing, and restarting it does not catch up', () => {
    const { target, chunks } = liveRoot();
    const clock = new QuietClock(QUIET_WRITERS);
    for (const writer of QUIET_WRITERS) clock.setEnabled(writer.id, false);
    const before = chunks();
    clock.fastForward(DAY, target);
    expect(chunks()).toBe(before);
    clock.setEnabled('networkmanager', true);
    clock.fastForward(4 * MINUTE, target);
    expect(clock.runs('networkmanager')).toBe(0);
    clock.fastForward(MINUTE, target);
    expect(clock.runs('networkmanager')).toBe(1);
  });

  it("keeps auditd's log open between rotations, as auditd does, and closes it to rotate", () => {
    const { fs, target } = liveRoot();
    const clock = new QuietClock(QUIET_WRITERS.filter((writer) => writer.id === 'audit'));
    const log = '/var/log/audit/audit.log';
    clock.fastForward(DAY, target);
    expect(fs.isKeptOpen(log)).toBe(true);
    // 8 MiB of 10 KiB appends fill a log in 819 runs, 5.7 days: the next run rotates first.
    clock.fastForward(5 * DAY, target);
    expect(fs.exists(`${log}.1`)).toBe(true);
    expect(fs.isKeptOpen(`${log}.1`)).toBe(false);
    expect(fs.isKeptOpen(log)).toBe(true);
  });

  it('saves and restores its schedule', () => {
    const { target } = liveRoot();
    const clock = new QuietClock(QUIET_WRITERS);
    clock.fastForward(DAY + 3 * MINUTE, target);
    const again = new QuietClock(QUIET_WRITERS, JSON.parse(JSON.stringify(clock.save())));
    expect(again.timeMs).toBe(clock.timeMs);
    expect(again.runs('networkmanager')).toBe(288);
  });
});
