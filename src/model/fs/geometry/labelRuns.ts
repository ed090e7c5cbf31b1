// Labels every block mke2fs used with what it holds, as runs in block order, for block lookups
// (queries.ts). Free blocks are the gaps between the runs.

import type { BlockKind, BlockRun, ExtGroup, LabelledRun, MkfsFile } from './types';

export interface LabelInput {
  readonly firstDataBlock: number;
  readonly groups: readonly ExtGroup[];
  readonly rootDir: MkfsFile;
  readonly lostAndFound: MkfsFile;
  readonly resizeInodeDindBlock: number | undefined;
  readonly journal: MkfsFile | undefined;
}

export function labelUsedRuns(input: LabelInput): LabelledRun[] {
  const runs: LabelledRun[] = [];
  const add = (run: BlockRun | undefined, kind: BlockKind, ownerGroup?: number): void => {
    if (!run || run[1] <= 0) return;
    runs.push({
      firstBlock: run[0],
      blocksCount: run[1],
      kind,
      ...(ownerGroup !== undefined ? { ownerGroup } : {}),
    });
  };
  // With 1 KiB blocks, block 0 is outside every group: the boot sector and the padding before the superblock.
  if (input.firstDataBlock > 0) add([0, input.firstDataBlock], 'bootBlock');
  for (const group of input.groups) {
    if (group.superblockBlock !== undefined) add([group.superblockBlock, 1], 'superblock', group.index);
    add(group.gdtBlocks, 'gdt', group.index);
    add(group.reservedGdtBlocks, 'reservedGdt', group.index);
    add([group.blockBitmapBlock, 1], 'blockBitmap', group.index);
    add([group.inodeBitmapBlock, 1], 'inodeBitmap', group.index);
    add(group.inodeTable, 'inodeTable', group.index);
  }
  for (const run of input.rootDir.runs) add(run, 'rootDir');
  for (const run of input.lostAndFound.runs) add(run, 'lostAndFound');
  if (input.resizeInodeDindBlock !== undefined) add([input.resizeInodeDindBlock, 1], 'resizeInode');
  if (input.journal) {
    for (const extent of input.journal.extents) add([extent.firstBlock, extent.blocksCount], 'journal');
    for (const block of input.journal.mappingBlocks) add([block, 1], 'journalMapping');
  }
  runs.sort((a, b) => a.firstBlock - b.firstBlock);

  // Merge neighbours of one kind and owner (inode tables of a flex group stay one run per group).
  const merged: LabelledRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.kind === run.kind &&
      last.ownerGroup === run.ownerGroup &&
      last.firstBlock + last.blocksCount === run.firstBlock
    ) {
      merged[merged.length - 1] = { ...last, blocksCount: last.blocksCount + run.blocksCount };
    } else merged.push(run);
  }
  return merged;
}
