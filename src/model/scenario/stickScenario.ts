// Stick scenarios (`cellar-scenario/v1` with "kind": "stick"): a whole Sugar on a Stick, made from a plan
// (era, stick and store sizes, base image), and steps a learner or a teacher would script: boot, write,
// delete, reboot, let a week of background writing pass. Each step is answered with what it cost in each
// place and live-rw's status line after it.

import { QuietClock } from '../clock/QuietClock';
import { QUIET_WRITERS, type QuietWriterId } from '../clock/quietWriters';
import { applyStickOp, stickTarget } from '../clock/stickOps';
import type { BaseImageSpec } from '../fs/baseImage';
import type { FileOp } from '../fs/fileOps';
import type { EraId } from '../stick/eras';
import { Stick } from '../stick/Stick';
import type { StickOutcome } from '../stick/stickOutcome';
import { ScenarioError } from './scenario';

export type StickOp =
  | FileOp
  | { op: 'boot' | 'shutdown' | 'reboot' }
  | { op: 'quiet'; ms: number; writers?: QuietWriterId[] }
  | { op: 'move-to-ram'; path: string }
  | { op: 'move-out-of-ram'; path: string }
  | { op: 'install-activity'; name: string; bytes?: number; files?: number }
  | { op: 'remove-activity'; name: string }
  | { op: 'save-journal-entry'; bytes?: number }
  | { op: 'extend-overlay'; mib: number }
  | { op: 'refresh'; keep_home?: boolean }
  | { op: 'reset-overlay' }
  | { op: 'unlock-home'; passphrase: string };

export interface StickScenario {
  schema: 'cellar-scenario/v1';
  kind: 'stick';
  name: string;
  stick: {
    era: EraId;
    capacity_bytes: number;
    /** The stick's own filesystem: vfat (default) or ext4 (livecd-iso-to-disk `--format`). */
    device_filesystem?: 'vfat' | 'ext4';
    overlay_mib: number | null;
    home_mib: number | null;
    swap_mib?: number | null;
    ram_bytes?: number;
    base?: BaseImageSpec;
    home_encrypted?: boolean;
    home_passphrase?: string;
  };
  steps: { name: string; ops: StickOp[]; sync?: boolean }[];
}

export interface StickStepResult {
  index: number;
  name: string;
  ok: boolean;
  errors?: string[];
  costs: { overlay_chunks: number; home_bytes: number; ram_bytes: number; device_bytes: number };
  status: string | null;
  power: string;
}

export function runStickScenario(scenario: StickScenario): StickStepResult[] {
  const plan = scenario.stick;
  const made = Stick.create({
    era: plan.era,
    capacityBytes: plan.capacity_bytes,
    overlayMib: plan.overlay_mib,
    homeMib: plan.home_mib,
    ...(plan.device_filesystem === undefined ? {} : { deviceFilesystem: plan.device_filesystem }),
    ...(plan.swap_mib === undefined ? {} : { swapMib: plan.swap_mib }),
    ...(plan.ram_bytes === undefined ? {} : { ramBytes: plan.ram_bytes }),
    ...(plan.base === undefined ? {} : { base: plan.base }),
    ...(plan.home_encrypted === undefined ? {} : { homeEncrypted: plan.home_encrypted }),
    ...(plan.home_passphrase === undefined ? {} : { homePassphrase: plan.home_passphrase }),
  });
  if (!made.ok) throw new ScenarioError(`the stick cannot be made: ${made.message}`);
  const stick = made.stick;
  const clock = new QuietClock(QUIET_WRITERS);

  return scenario.steps.map(({ name, ops, sync = true }, index) => {
    const outcomes: StickOutcome[] = [];
    for (const op of ops) outcomes.push(...runOp(stick, clock, op));
    if (sync && stick.power === 'running') outcomes.push(stick.sync());
    const costs = { overlay_chunks: 0, home_bytes: 0, ram_bytes: 0, device_bytes: 0 };
    for (const { costs: c } of outcomes) {
      costs.overlay_chunks += c.overlayChunks;
      costs.home_bytes += c.homeBytes;
      costs.ram_bytes += c.ramBytes;
      costs.device_bytes += c.deviceBytes;
    }
    const errors = outcomes.filter((o) => !o.ok).map((o) => o.error ?? 'EIO');
    return {
      index,
      name,
      ok: errors.length === 0,
      ...(errors.length === 0 ? {} : { errors }),
      costs,
      status: stick.dmsetupStatus('live-rw')[0] ?? null,
      power: stick.power,
    };
  });
}

function runOp(stick: Stick, clock: QuietClock, op: StickOp): StickOutcome[] {
  switch (op.op) {
    case 'boot':
      return [stick.boot()];
    case 'reboot':
      return [stick.reboot()];
    case 'shutdown': {
      const result = stick.shutdown();
      return [{ ok: result.ok, ...(result.error ? { error: result.error } : {}), costs: NO_COST }];
    }
    case 'quiet': {
      for (const writer of QUIET_WRITERS)
        clock.setEnabled(writer.id, !op.writers || op.writers.includes(writer.id));
      const outcomes: StickOutcome[] = [];
      clock.fastForward(
        op.ms,
        stickTarget(stick, (outcome) => outcomes.push(outcome)),
      );
      return outcomes;
    }
    case 'move-to-ram':
      return [stick.moveToRam(op.path)];
    case 'move-out-of-ram':
      return [stick.moveOutOfRam(op.path)];
    case 'install-activity':
      return [
        stick.installActivity(op.name, {
          ...(op.bytes === undefined ? {} : { sizeBytes: op.bytes }),
          ...(op.files === undefined ? {} : { files: op.files }),
        }),
      ];
    case 'remove-activity':
      return [stick.removeActivity(op.name)];
    case 'save-journal-entry':
      return [stick.saveJournalEntry(op.bytes === undefined ? {} : { dataBytes: op.bytes })];
    case 'extend-overlay':
      return [stick.extendOverlay(op.mib)];
    case 'refresh':
      return [stick.refresh({ keepHome: op.keep_home ?? true })];
    case 'reset-overlay':
      return [stick.resetOverlay()];
    case 'unlock-home':
      return [stick.unlockHome(op.passphrase)];
    default:
      return applyStickOp(stick, op);
  }
}

const NO_COST = { overlayChunks: 0, homeBytes: 0, ramBytes: 0, deviceBytes: 0 };
