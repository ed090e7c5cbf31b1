// Debian's /etc/mke2fs.conf (e2fsprogs 1.47.0), as data, and how mke2fs reads it. mke2fs builds a list
// of fs_types — the filesystem type, then the usage type (by default the size class: floppy under 3 MiB,
// small under 512 MiB, default, big from 4 TiB, huge from 16 TiB) — and looks each setting up along that
// list, the last type that sets it winning over [defaults] (misc/mke2fs.c: parse_fs_type,
// get_int_from_profile).

export interface ProfileSection {
  readonly blockSizeBytes?: number;
  readonly inodeRatioBytes?: number;
  readonly inodeSizeBytes?: number;
  /** Comma-separated mke2fs feature names this type adds. */
  readonly features?: string;
}

export const DEFAULTS: Required<Omit<ProfileSection, 'features'>> & { readonly baseFeatures: string } = {
  baseFeatures: 'sparse_super,large_file,filetype,resize_inode,dir_index,ext_attr',
  blockSizeBytes: 4096,
  inodeSizeBytes: 256,
  inodeRatioBytes: 16384,
};

/** [fs_types]; blocksize -1 means the system page size. */
export const FS_TYPES: Readonly<Record<string, ProfileSection>> = {
  ext3: { features: 'has_journal' },
  ext4: {
    features: 'has_journal,extent,huge_file,flex_bg,metadata_csum,64bit,dir_nlink,extra_isize',
  },
  small: { blockSizeBytes: 1024, inodeRatioBytes: 4096 },
  floppy: { blockSizeBytes: 1024, inodeRatioBytes: 8192 },
  big: { inodeRatioBytes: 32768 },
  huge: { inodeRatioBytes: 65536 },
  news: { inodeRatioBytes: 4096 },
  largefile: { inodeRatioBytes: 1048576, blockSizeBytes: -1 },
  largefile4: { inodeRatioBytes: 4194304, blockSizeBytes: -1 },
};

/** mke2fs's default flex_bg size when the profile names none. */
export const DEFAULT_FLEX_BG_GROUPS = 16;
/** The page size of the machines Cellar simulates (x86). */
export const PAGE_SIZE_BYTES = 4096;
export const DEFAULT_RESERVED_PERCENT = 5;

const MiB = 1024 * 1024;
const TiB = 1024 * 1024 * MiB;

/** The size class mke2fs picks for a filesystem of this many bytes (parse_fs_type). */
export function sizeType(fsBytes: number): string {
  if (fsBytes < 3 * MiB) return 'floppy';
  if (fsBytes < 512 * MiB) return 'small';
  if (fsBytes < 4 * TiB) return 'default';
  if (fsBytes < 16 * TiB) return 'big';
  return 'huge';
}

/**
 * The fs_types list: the filesystem type, then each usage type the profile defines ("default" is not a
 * section and is skipped; ext2 has no section either, but stays first, as mke2fs keeps it).
 */
export function profileTypes(fsType: string, usageTypes: string): string[] {
  const types = [fsType];
  for (const usage of usageTypes.split(',')) if (usage in FS_TYPES) types.push(usage);
  return types;
}

/** An integer setting: [defaults], then each type in order overriding it. */
export function profileNumber(
  types: readonly string[],
  key: 'blockSizeBytes' | 'inodeRatioBytes' | 'inodeSizeBytes',
): number {
  let value = DEFAULTS[key];
  for (const type of types) {
    const section = FS_TYPES[type];
    const own = section?.[key];
    if (own !== undefined) value = own;
  }
  return value;
}

/** The features the profile turns on: base_features, then each type's features. */
export function profileFeatures(types: readonly string[]): string[] {
  const names = DEFAULTS.baseFeatures.split(',');
  for (const type of types) {
    const features = FS_TYPES[type]?.features;
    if (features) names.push(...features.split(','));
  }
  return names;
}
