// Checks a parsed `cellar-scenario/v1` document of kind "file" before anything runs, so a scenario that
// breaks a rule is refused with the step named, never half-run (docs/scenario-format.md).

import { isPowerOfTwo, isWholeNumber } from '../units';
import type { FileOp, FileScenario } from './fileScenario';
import { ScenarioError } from './scenario';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PATH_OPS = new Set(['mkdir', 'mkdir-p', 'read', 'read-tree', 'touch', 'rm', 'write', 'close']);
const BARE_OPS = new Set(['mount', 'umount', 'remove', 'create', 'sync']);

/** Checks one file operation (recursively inside `repeat`); throws ScenarioError naming `where`. */
export function checkFileOp(op: unknown, where: string): void {
  if (!isObject(op) || typeof op.op !== 'string') throw new ScenarioError(`${where}: each op needs an "op"`);
  const name = op.op;
  if (BARE_OPS.has(name)) return;
  if (PATH_OPS.has(name) && (typeof op.path !== 'string' || !op.path.startsWith('/'))) {
    throw new ScenarioError(`${where}: ${name} needs an absolute "path"`);
  }
  if (name === 'write' && !isWholeNumber(op.bytes))
    throw new ScenarioError(`${where}: write needs whole "bytes"`);
  if (
    name === 'write' &&
    op.how !== undefined &&
    !['truncate', 'in-place', 'append'].includes(String(op.how))
  ) {
    throw new ScenarioError(`${where}: "how" is truncate, in-place or append`);
  }
  if (name === 'write' && op.keepOpen !== undefined && typeof op.keepOpen !== 'boolean') {
    throw new ScenarioError(`${where}: "keepOpen" is true or false`);
  }
  if (name === 'rename' && (typeof op.from !== 'string' || typeof op.to !== 'string')) {
    throw new ScenarioError(`${where}: rename needs "from" and "to"`);
  }
  if (name === 'advance' && !isWholeNumber(op.ms))
    throw new ScenarioError(`${where}: advance needs whole "ms"`);
  if (name === 'copy-tree' && (typeof op.to !== 'string' || !isObject(op.tree))) {
    throw new ScenarioError(`${where}: copy-tree needs "to" and a "tree"`);
  }
  if (name === 'repeat') {
    if (!isWholeNumber(op.count) || !Array.isArray(op.ops))
      throw new ScenarioError(`${where}: repeat needs "count" and "ops"`);
    op.ops.forEach((inner) => checkFileOp(inner, where));
    return;
  }
  if (!PATH_OPS.has(name) && !['rename', 'advance', 'copy-tree'].includes(name)) {
    throw new ScenarioError(`${where}: unknown op ${JSON.stringify(name)}`);
  }
}

export function validateFileScenario(doc: Json): FileScenario {
  const base = doc.base;
  if (!isObject(base) || !['ext3', 'ext4'].includes(String(base.fs)) || !isWholeNumber(base.size_bytes)) {
    throw new ScenarioError('scenario: "base" needs "fs" (ext3 or ext4) and whole "size_bytes"');
  }
  if (typeof base.mkfs !== 'string' || !isObject(base.tree)) {
    throw new ScenarioError('scenario: "base" needs the "mkfs" command line and a "tree"');
  }
  if (base.hash_seed !== undefined && !isUuid(base.hash_seed)) {
    throw new ScenarioError('scenario: "base.hash_seed" must be a UUID, as dumpe2fs prints the hash seed');
  }
  const overlay = doc.overlay;
  if (
    !isObject(overlay) ||
    !isWholeNumber(overlay.cow_sectors) ||
    !isWholeNumber(overlay.chunk_sectors) ||
    !isPowerOfTwo(overlay.chunk_sectors) ||
    typeof overlay.store !== 'string'
  ) {
    throw new ScenarioError(
      'scenario: "overlay" needs whole "cow_sectors", a "store" and a power-of-two "chunk_sectors"',
    );
  }
  if (!Array.isArray(doc.steps)) throw new ScenarioError('scenario: "steps" must be a list');
  doc.steps.forEach((step, index) => {
    const where = `step ${index}`;
    if (!isObject(step) || typeof step.name !== 'string' || !Array.isArray(step.ops)) {
      throw new ScenarioError(`${where}: each step needs a "name" and "ops"`);
    }
    (step.ops as FileOp[]).forEach((op) => checkFileOp(op, `${where} (${step.name})`));
  });
  return doc as unknown as FileScenario;
}

function isUuid(value: unknown): boolean {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
