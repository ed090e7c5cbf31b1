// How many blocks mke2fs gives the journal (lib/ext2fs/mkjournal.c ext2fs_default_journal_size and
// misc/util.c figure_journal_size, e2fsprogs 1.47.0). The table is 1.47's: it counts filesystem blocks,
// whatever their size, and gives 1024 blocks under 32768, 4096 under 256 Ki, 8192 under 512 Ki, 16384
// under 4 Mi, then doubles at 8, 16 and 32 Mi blocks up to 262144. The 2012 table (1.42, changed in 2016
// by "allow the default journal size to go as large as a gigabyte") gave 16384 only under 1 Mi blocks and
// 32768 from there on, so a 6.5 GiB root then got a 128 MiB journal where 1.47 gives it 64 MiB.

import { ModelError } from '../../errors';

const Ki = 1024;

/** ext2fs_default_journal_size: journal blocks for a filesystem of this many blocks, 0 when too small. */
export function defaultJournalBlocks(blocksCount: number): number {
  if (blocksCount < 2048) return 0;
  if (blocksCount < 32 * Ki) return 1024;
  if (blocksCount < 256 * Ki) return 4096;
  if (blocksCount < 512 * Ki) return 8192;
  if (blocksCount < 4096 * Ki) return 16384;
  if (blocksCount < 8192 * Ki) return 32768;
  if (blocksCount < 16384 * Ki) return 65536;
  if (blocksCount < 32768 * Ki) return 131072;
  return 262144;
}

/**
 * figure_journal_size: the default, or -J size= (MiB) converted to blocks and checked. A filesystem too
 * small for the default gets no journal even when a size was asked for (mke2fs then drops has_journal).
 */
export function journalBlocks(
  blocksCount: number,
  blockSizeBytes: number,
  freeBlocksCount: number,
  requestedMiB?: number,
): number {
  const byDefault = defaultJournalBlocks(blocksCount);
  if (byDefault === 0 || requestedMiB === undefined || requestedMiB <= 0) return byDefault;
  const requested = Math.floor((requestedMiB * 1024) / (blockSizeBytes / 1024));
  if (requested < 1024 || requested > 10240000)
    throw new ModelError('EINVAL', `journal of ${requested} blocks: it must be 1024 to 10240000 blocks`);
  if (requested > Math.floor(freeBlocksCount / 2))
    throw new ModelError('EINVAL', 'journal too big for the filesystem');
  return requested;
}
