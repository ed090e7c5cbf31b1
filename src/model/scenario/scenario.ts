// The `cellar-scenario/v1` format (block level): one snapshot device and the operations on it, checked
// whole before anything runs, so a scenario that breaks a rule is refused with the step named, never
// half-run. See docs/scenario-format.md.

import { isPowerOfTwo, isWholeNumber } from '../units';
import { parseStoreType } from '../dm/SnapshotTarget';

export const SCENARIO_SCHEMA = 'cellar-scenario/v1';

export type ScenarioStep =
  | { op: 'write' | 'read'; offset_sectors: number; sectors: number }
  | { op: 'reload' }
  | { op: 'set_valid'; value: number }
  | { op: 'extend_cow'; sectors: number };

export interface Scenario {
  schema: typeof SCENARIO_SCHEMA;
  name: string;
  origin_sectors: number;
  cow_sectors: number;
  store: 'P' | 'PO' | 'N' | 'NO';
  chunk_sectors: number;
  steps: ScenarioStep[];
}

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function whole(where: string, object: Json, key: string, min: number): number {
  const value = object[key];
  if (!isWholeNumber(value)) throw new ScenarioError(`${where}: "${key}" must be a whole number`);
  if (value < min) throw new ScenarioError(`${where}: "${key}" must be at least ${min}`);
  return value;
}

/** Checks a parsed JSON document against the format; returns it typed or throws ScenarioError. */
export function validateScenario(doc: unknown): Scenario {
  if (!isObject(doc)) throw new ScenarioError('the scenario must be a JSON object');
  if (doc.schema !== SCENARIO_SCHEMA) {
    throw new ScenarioError(`"schema" must be "${SCENARIO_SCHEMA}" (found ${JSON.stringify(doc.schema)})`);
  }
  const name = typeof doc.name === 'string' ? doc.name : '';
  const originSectors = whole('scenario', doc, 'origin_sectors', 1);
  const chunkSectors = whole('scenario', doc, 'chunk_sectors', 8);
  if (!isPowerOfTwo(chunkSectors))
    throw new ScenarioError('scenario: "chunk_sectors" must be a power of two');
  const cowSectors = whole('scenario', doc, 'cow_sectors', 1);
  const store = doc.store;
  if (typeof store !== 'string' || !['P', 'PO', 'N', 'NO'].includes(store) || !parseStoreType(store)) {
    throw new ScenarioError('scenario: "store" must be "P", "PO", "N" or "NO"');
  }
  if (store !== 'N' && store !== 'NO' && cowSectors < 2 * chunkSectors) {
    throw new ScenarioError(
      `scenario: a persistent store needs at least ${2 * chunkSectors} COW sectors (header and first metadata area)`,
    );
  }
  if (!Array.isArray(doc.steps)) throw new ScenarioError('scenario: "steps" must be a list');
  const steps = doc.steps.map((step, index) => validateStep(step, index, originSectors));
  return {
    schema: SCENARIO_SCHEMA,
    name,
    origin_sectors: originSectors,
    cow_sectors: cowSectors,
    store: store as Scenario['store'],
    chunk_sectors: chunkSectors,
    steps,
  };
}

function validateStep(step: unknown, index: number, originSectors: number): ScenarioStep {
  const where = `step ${index}`;
  if (!isObject(step)) throw new ScenarioError(`${where}: must be an object with an "op"`);
  switch (step.op) {
    case 'write':
    case 'read': {
      const offset = whole(where, step, 'offset_sectors', 0);
      const sectors = whole(where, step, 'sectors', 1);
      if (offset + sectors > originSectors) {
        throw new ScenarioError(
          `${where}: ${step.op} of sectors ${offset}–${offset + sectors - 1} goes past the end of the ${originSectors}-sector device`,
        );
      }
      return { op: step.op, offset_sectors: offset, sectors };
    }
    case 'reload':
      return { op: 'reload' };
    case 'set_valid': {
      const value = whole(where, step, 'value', 0);
      if (value > 255) throw new ScenarioError(`${where}: "value" is one byte, 0 to 255`);
      return { op: 'set_valid', value };
    }
    case 'extend_cow':
      return { op: 'extend_cow', sectors: whole(where, step, 'sectors', 1) };
    default:
      throw new ScenarioError(
        `${where}: unknown op ${JSON.stringify(step.op)} (expected write, read, reload, set_valid or extend_cow)`,
      );
  }
}
