// The ext2/3/4 geometry calculator: where mke2fs 1.47.0 (with Debian's mke2fs.conf) puts every superblock
// copy, group descriptor table, reserved GDT block, bitmap, inode table, the journal, the root directory and
// lost+found. Checked block for block against the real mke2fs in test/model/fs/geometry.

export type {
  BlockKind,
  BlockRun,
  ExtFeatures,
  ExtFsType,
  ExtGeometry,
  ExtGroup,
  FileExtent,
  Journal,
  LabelledRun,
  MkfsFile,
  MkfsOptions,
  MkfsParams,
} from './types';
export {
  computeGeometry,
  computeGeometryFromParams,
  JOURNAL_INODE,
  LOST_AND_FOUND_INODE,
  RESIZE_INODE,
  ROOT_INODE,
} from './computeGeometry';
export { resolveMkfsParams } from './mkfsParams';
export { parseMkfsCommand } from './mkfsCommand';
export { defaultJournalBlocks } from './journalSize';
export { groupHasSuperblock, FIRST_INODE } from './superblockLayout';
export {
  blockKindOf,
  freeRangesAfterMkfs,
  groupOfBlock,
  groupOfInode,
  inodeTableBlockOf,
  isMetadataBlock,
  usedRunOf,
} from './queries';
