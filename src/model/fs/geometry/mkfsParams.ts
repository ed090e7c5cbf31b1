// What mke2fs decides before it lays anything out (misc/mke2fs.c: PRS, e2fsprogs 1.47.0): the block
// count from the image size, the mke2fs.conf profile (size class), block size, features, inode ratio and
// size, the inode count, the reserved percentage and the flex_bg size.
//
// The image size is read in 1 KiB units when no -b is given (and in -b units otherwise), rounded down to a
// whole page (4 KiB), and only then converted to the profile's block size.

import { ModelError } from '../../errors';
import { isPowerOfTwo } from '../../units';
import {
  DEFAULT_FLEX_BG_GROUPS,
  DEFAULT_RESERVED_PERCENT,
  PAGE_SIZE_BYTES,
  profileFeatures,
  profileNumber,
  profileTypes,
  sizeType,
} from './mke2fsConf';
import type { ExtFeatures, MkfsOptions, MkfsParams } from './types';

const MAX_U32 = 0xffffffff;

/** mke2fs feature names that change the layout, and the ones that do not. */
const LAYOUT_FEATURES: Readonly<Record<string, keyof ExtFeatures>> = {
  sparse_super: 'sparseSuper',
  resize_inode: 'resizeInode',
  flex_bg: 'flexBg',
  '64bit': 'bit64',
  has_journal: 'hasJournal',
  extent: 'extents',
  extents: 'extents',
  metadata_csum: 'metadataCsum',
};
const HARMLESS_FEATURES = new Set([
  'large_file',
  'filetype',
  'dir_index',
  'ext_attr',
  'huge_file',
  'dir_nlink',
  'extra_isize',
  'uninit_bg',
  'gdt_csum',
  'metadata_csum_seed',
  'large_dir',
  'encrypt',
  'casefold',
  'verity',
  'project',
  'ea_inode',
]);

function invalid(message: string): ModelError {
  return new ModelError('EINVAL', message);
}

/** Applies feature names (as in base_features, fs_types features and -O) to a feature set. */
function editFeatures(
  features: Record<keyof ExtFeatures, boolean>,
  names: Iterable<[string, boolean]>,
): void {
  for (const [name, on] of names) {
    const key = LAYOUT_FEATURES[name];
    if (key) features[key] = on;
    else if (on && !HARMLESS_FEATURES.has(name))
      throw invalid(`feature ${name} changes the layout in ways this model does not follow`);
  }
}

function parseFeatureList(list: readonly string[]): [string, boolean][] {
  return list.map((name) => (name.startsWith('^') ? [name.slice(1), false] : [name, true]));
}

/** mke2fs's PRS: the parameters for ext2fs_initialize. */
export function resolveMkfsParams(options: MkfsOptions): MkfsParams {
  const { sizeBytes, fsType } = options;
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) throw invalid(`bad size ${sizeBytes}`);
  const explicitBlockSize = options.blockSizeBytes;
  if (explicitBlockSize !== undefined && (!isPowerOfTwo(explicitBlockSize) || explicitBlockSize < 1024))
    throw invalid(`bad block size ${explicitBlockSize}`);

  // The device size in the units known so far (-b, or 1 KiB), rounded down to whole pages.
  const unitBytes = explicitBlockSize ?? 1024;
  let fsBlocks = Math.floor(sizeBytes / unitBytes);
  if (PAGE_SIZE_BYTES > unitBytes) fsBlocks -= fsBlocks % (PAGE_SIZE_BYTES / unitBytes);

  const types = profileTypes(fsType, options.usageTypes ?? sizeType(fsBlocks * unitBytes));

  const features: Record<keyof ExtFeatures, boolean> = {
    sparseSuper: false,
    resizeInode: false,
    flexBg: false,
    bit64: false,
    hasJournal: false,
    extents: false,
    metadataCsum: false,
  };
  editFeatures(features, parseFeatureList(profileFeatures(types)));
  if (options.featureEdits) editFeatures(features, Object.entries(options.featureEdits));
  if (options.journal || options.journalSizeMiB !== undefined) features.hasJournal = true;

  let blockSizeBytes = explicitBlockSize ?? 0;
  if (explicitBlockSize === undefined) {
    blockSizeBytes = profileNumber(types, 'blockSizeBytes');
    if (blockSizeBytes === -1) blockSizeBytes = PAGE_SIZE_BYTES;
    fsBlocks = Math.floor(fsBlocks / (blockSizeBytes / 1024));
  }

  if (fsBlocks > MAX_U32) {
    if (!features.bit64) throw invalid('too many blocks for a filesystem without 64bit');
    features.resizeInode = false;
  }
  if (features.bit64 && !features.extents) throw invalid('64bit needs extents');
  if (features.resizeInode && !features.sparseSuper) throw invalid('resize_inode needs sparse_super');

  let inodeRatioBytes = options.inodeRatioBytes ?? 0;
  if (inodeRatioBytes === 0)
    inodeRatioBytes = Math.max(profileNumber(types, 'inodeRatioBytes'), blockSizeBytes);
  const inodeSizeBytes = options.inodeSizeBytes ?? profileNumber(types, 'inodeSizeBytes');
  if (!isPowerOfTwo(inodeSizeBytes) || inodeSizeBytes < 128 || inodeSizeBytes > blockSizeBytes)
    throw invalid(`bad inode size ${inodeSizeBytes}`);

  let flexBgGroups = 0;
  if (options.flexBgGroups !== undefined) {
    if (!features.flexBg) throw invalid('flex_bg size given without flex_bg');
    if (!isPowerOfTwo(options.flexBgGroups)) throw invalid('flex_bg size must be a power of 2');
    flexBgGroups = options.flexBgGroups;
  } else if (features.flexBg) flexBgGroups = DEFAULT_FLEX_BG_GROUPS;
  // A flex_bg size of 1 is log2 0: mke2fs then lays groups out as without flex_bg.
  if (flexBgGroups === 1) flexBgGroups = 0;

  let requestedInodesCount = options.inodesCount ?? Math.floor((fsBlocks * blockSizeBytes) / inodeRatioBytes);
  if (requestedInodesCount > MAX_U32) {
    if (!features.bit64 || options.inodesCount !== undefined) throw invalid('too many inodes');
    requestedInodesCount = MAX_U32;
  }
  if (requestedInodesCount * inodeSizeBytes >= fsBlocks * blockSizeBytes)
    throw invalid('inode tables would fill the filesystem');

  const reservedPercent = options.reservedPercent ?? DEFAULT_RESERVED_PERCENT;
  if (reservedPercent < 0 || reservedPercent > 50) throw invalid(`bad reserved percent ${reservedPercent}`);

  const blocksPerGroup = options.blocksPerGroup ?? blockSizeBytes * 8;
  if (blocksPerGroup < 256 || blocksPerGroup > blockSizeBytes * 8 || blocksPerGroup % 8 !== 0)
    throw invalid(`bad blocks per group ${blocksPerGroup}`);

  return {
    fsType,
    profileTypes: types,
    blockSizeBytes,
    requestedBlocksCount: fsBlocks,
    inodeRatioBytes,
    inodeSizeBytes,
    requestedInodesCount,
    reservedPercent,
    blocksPerGroup,
    flexBgGroups,
    features,
    ...(options.journalSizeMiB !== undefined ? { journalSizeMiB: options.journalSizeMiB } : {}),
  };
}
