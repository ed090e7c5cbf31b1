// Replays a block-level scenario on the model and answers in `cellar-replay/v1` form, the way the kernel
// lab records the real kernel: after each step, the status line, the first 16 bytes of the COW and the
// exception table read back from the COW bytes as the kernel reads them on load.

import { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import { snapshotStatusLine } from '../dm/dmsetupFormat';
import type { ExceptionPair } from '../dm/ExceptionRuns';
import { cowSource, readOverlay } from '../dm/overlayFile';
import { extendCow, setValidByte } from '../dm/recovery';
import { parseStoreType, SnapshotTarget } from '../dm/SnapshotTarget';
import type { Scenario, ScenarioStep } from './scenario';

export const REPLAY_SCHEMA = 'cellar-replay/v1';

export interface ReplayStep {
  index: number;
  op: ScenarioStep['op'];
  ok: boolean;
  status: string | null;
  header_hex16?: string;
  exceptions: number | null;
  table?: ExceptionPair[];
}

export interface Replay {
  schema: typeof REPLAY_SCHEMA;
  name: string;
  steps: ReplayStep[];
}

/** One snapshot device and its COW, operated as the lab's shell scripts do (dmsetup, dd, losetup). */
class LabRig {
  readonly origin: OriginDevice;
  readonly cow: CowDevice;
  target: SnapshotTarget | null = null;

  constructor(private readonly scenario: Scenario) {
    this.origin = new OriginDevice(scenario.origin_sectors);
    this.cow = new CowDevice(scenario.cow_sectors);
  }

  /** `dmsetup create` with the scenario's table; false when the kernel would refuse it. */
  create(): boolean {
    const created = SnapshotTarget.create({
      origin: this.origin,
      cow: this.cow,
      store: this.scenario.store,
      chunkSectors: this.scenario.chunk_sectors,
    });
    this.target = created.ok ? created.target : null;
    return created.ok;
  }

  /** `dmsetup remove`, a change to the COW file, then `dmsetup create`. */
  recreate(changeCow: () => void = () => {}): boolean {
    this.target?.remove();
    this.target = null;
    changeCow();
    return this.create();
  }

  run(step: ScenarioStep): boolean {
    switch (step.op) {
      case 'write':
        return this.target?.write(step.offset_sectors, step.sectors).ok ?? false;
      case 'read':
        return this.target?.read(step.offset_sectors, step.sectors).ok ?? false;
      case 'reload':
        return this.recreate();
      case 'set_valid':
        return this.recreate(() => setValidByte(this.cow, step.value));
      case 'extend_cow':
        return this.recreate(() => extendCow(this.cow, step.sectors));
    }
  }
}

export async function replayScenario(scenario: Scenario, withTable = false): Promise<Replay> {
  const rig = new LabRig(scenario);
  if (!rig.create()) throw new Error('the initial dmsetup create failed (validated scenarios never do)');
  const persistent = parseStoreType(scenario.store) !== 'N';
  const steps: ReplayStep[] = [];
  for (const [index, step] of scenario.steps.entries()) {
    const ok = rig.run(step);
    const target = rig.target;
    const status = target ? snapshotStatusLine(target) : null;
    if (persistent) {
      const overlay = await readOverlay(cowSource(rig.cow));
      steps.push({
        index,
        op: step.op,
        ok,
        status,
        header_hex16: overlay.headerHex16,
        exceptions: overlay.exceptions.length,
        ...(withTable ? { table: overlay.exceptions.toPairs() } : {}),
      });
    } else {
      const usage = target?.status();
      const exceptions = usage?.state === 'Valid' ? usage.sectorsAllocated / scenario.chunk_sectors : null;
      steps.push({ index, op: step.op, ok, status, exceptions });
    }
  }
  return { schema: REPLAY_SCHEMA, name: scenario.name, steps };
}
