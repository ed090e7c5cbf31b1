// Checking a saved allocator (MballocState) before it is used: groups that exist, lists that name each
// group at most once, preallocations inside the filesystem and owned by files the document holds.

import { problem, readList, readObject, readWhole, readWholeTuples } from '../../../docReader';
import type { ExtLayout } from '../ExtLayout';
import { LG_LISTS, type InodePa } from './Preallocations';
import type { MballocState } from './Mballoc';

export function readMballocState(
  value: unknown,
  path: string,
  layout: ExtLayout,
  inodes: ReadonlyMap<number, { dir: boolean }>,
): MballocState {
  const doc = readObject(value, path);
  const groups = layout.groupCount;
  const groupList = (v: unknown, at: string) =>
    readList(v, at).map((g, i) => {
      const group = readWhole(g, `${at}[${String(i)}]`);
      if (group >= groups) throw problem(`${at}[${String(i)}]`, 'is not a group of this filesystem');
      return group;
    });
  const listsDoc = readObject(doc.lists, `${path}.lists`);
  const maxOrder = Math.min(
    Math.log2(layout.blockSizeBytes) + 1,
    Math.floor(Math.log2(layout.blocksPerGroup)),
  );
  const orders = (v: unknown, at: string) => {
    const lists = readList(v, at).map((list, order) => groupList(list, `${at}[${String(order)}]`));
    if (lists.length > maxOrder + 1) throw problem(at, 'have more orders than the buddy');
    const all = lists.flat();
    if (new Set(all).size !== all.length) throw problem(at, 'name a group twice');
    return lists;
  };
  const blockRun = (at: string, first: number, count: number) => {
    if (count < 1 || first + count > layout.blocksCount) throw problem(at, 'lies outside the filesystem');
  };
  const groupPas = readList(doc.groupPas, `${path}.groupPas`).map((list, order) => {
    const at = `${path}.groupPas[${String(order)}]`;
    if (order >= LG_LISTS) throw problem(at, 'is past the locality group’s lists');
    const pas = readWholeTuples(list, at, 2) as [number, number][];
    pas.forEach(([first, count], i) => blockRun(`${at}[${String(i)}]`, first, count));
    return pas;
  });
  const inodePas = readList(doc.inodePas, `${path}.inodePas`).map((entry, i) => {
    const at = `${path}.inodePas[${String(i)}]`;
    const pair = readList(entry, at);
    const ino = readWhole(pair[0], `${at}[0]`);
    if (pair.length !== 2 || inodes.get(ino)?.dir !== false)
      throw problem(at, 'is not a file’s preallocations');
    const pas = readList(pair[1], `${at}[1]`).map((raw, k): InodePa => {
      const p = `${at}[1][${String(k)}]`;
      const pa = readObject(raw, p);
      const taken = readList(pa.taken, `${p}.taken`).map((t, j) => {
        if (t !== 0 && t !== 1) throw problem(`${p}.taken[${String(j)}]`, 'is not 0 or 1');
        return t;
      });
      const result = {
        lstart: readWhole(pa.lstart, `${p}.lstart`),
        pstart: readWhole(pa.pstart, `${p}.pstart`),
        len: readWhole(pa.len, `${p}.len`),
        free: readWhole(pa.free, `${p}.free`),
        taken,
      };
      blockRun(p, result.pstart, result.len);
      if (taken.length !== result.len || result.free !== taken.filter((t) => !t).length) {
        throw problem(p, 'does not count its free blocks');
      }
      return result;
    });
    return [ino, pas] as [number, InodePa[]];
  });
  const lastGroup = readWhole(doc.lastGroup, `${path}.lastGroup`);
  if (lastGroup >= groups) throw problem(`${path}.lastGroup`, 'is not a group of this filesystem');
  return {
    blockUninit: groupList(doc.blockUninit, `${path}.blockUninit`),
    initialized: groupList(doc.initialized, `${path}.initialized`),
    readRequested: groupList(doc.readRequested, `${path}.readRequested`),
    lists: {
      largest: orders(listsDoc.largest, `${path}.lists.largest`),
      average: orders(listsDoc.average, `${path}.lists.average`),
    },
    linearGroups: readWhole(doc.linearGroups, `${path}.linearGroups`),
    lastGroup,
    lastStart: readWhole(doc.lastStart, `${path}.lastStart`),
    groupPas,
    inodePas,
  };
}
