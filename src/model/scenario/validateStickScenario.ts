// Checks a parsed `cellar-scenario/v1` document of kind "stick" before anything runs: the stick's plan
// and every step's operations, refused with the step named (docs/scenario-format.md).

import { QUIET_WRITERS } from '../clock/quietWriters';
import { ERAS } from '../stick/eras';
import { isWholeNumber } from '../units';
import { ScenarioError } from './scenario';
import type { StickScenario } from './stickScenario';
import { checkFileOp, isObject, type Json } from './validateFileScenario';

const WRITER_IDS = new Set(QUIET_WRITERS.map((w) => w.id));

function checkStickOp(op: unknown, where: string): void {
  if (!isObject(op) || typeof op.op !== 'string') throw new ScenarioError(`${where}: each op needs an "op"`);
  switch (op.op) {
    case 'boot':
    case 'shutdown':
    case 'reboot':
      return;
    case 'quiet':
      if (!isWholeNumber(op.ms)) throw new ScenarioError(`${where}: quiet needs whole "ms"`);
      if (
        op.writers !== undefined &&
        (!Array.isArray(op.writers) || !op.writers.every((w) => WRITER_IDS.has(w)))
      ) {
        throw new ScenarioError(`${where}: "writers" lists some of ${[...WRITER_IDS].join(', ')}`);
      }
      return;
    case 'move-to-ram':
    case 'move-out-of-ram':
      if (typeof op.path !== 'string') throw new ScenarioError(`${where}: ${op.op} needs a "path"`);
      return;
    case 'install-activity':
    case 'remove-activity':
      if (typeof op.name !== 'string' || op.name === '')
        throw new ScenarioError(`${where}: ${op.op} needs a "name"`);
      return;
    case 'save-journal-entry':
      if (op.bytes !== undefined && !isWholeNumber(op.bytes))
        throw new ScenarioError(`${where}: "bytes" must be whole`);
      return;
    case 'reset-overlay':
      return;
    case 'refresh':
      if (op.keep_home !== undefined && typeof op.keep_home !== 'boolean') {
        throw new ScenarioError(`${where}: "keep_home" is true or false`);
      }
      return;
    case 'unlock-home':
      if (typeof op.passphrase !== 'string')
        throw new ScenarioError(`${where}: unlock-home needs a "passphrase"`);
      return;
    case 'extend-overlay':
      if (!isWholeNumber(op.mib) || op.mib < 1)
        throw new ScenarioError(`${where}: extend-overlay needs whole "mib"`);
      return;
    default:
      checkFileOp(op, where);
  }
}

export function validateStickScenario(doc: Json): StickScenario {
  const plan = doc.stick;
  if (!isObject(plan) || typeof plan.era !== 'string' || !(plan.era in ERAS)) {
    throw new ScenarioError(`scenario: "stick" needs an "era" (${Object.keys(ERAS).join(' or ')})`);
  }
  if (!isWholeNumber(plan.capacity_bytes))
    throw new ScenarioError('scenario: "stick" needs whole "capacity_bytes"');
  for (const key of ['overlay_mib', 'home_mib', 'swap_mib'] as const) {
    if (key === 'swap_mib' && plan[key] === undefined) continue;
    if (plan[key] !== null && !isWholeNumber(plan[key])) {
      throw new ScenarioError(`scenario: "stick.${key}" is a whole number of MiB, or null for none`);
    }
  }
  if (
    plan.device_filesystem !== undefined &&
    plan.device_filesystem !== 'vfat' &&
    plan.device_filesystem !== 'ext4'
  ) {
    throw new ScenarioError('scenario: "stick.device_filesystem" is vfat or ext4');
  }
  if (!Array.isArray(doc.steps)) throw new ScenarioError('scenario: "steps" must be a list');
  doc.steps.forEach((step, index) => {
    if (!isObject(step) || typeof step.name !== 'string' || !Array.isArray(step.ops)) {
      throw new ScenarioError(`step ${index}: each step needs a "name" and "ops"`);
    }
    step.ops.forEach((op) => checkStickOp(op, `step ${index} (${step.name})`));
  });
  return doc as unknown as StickScenario;
}
