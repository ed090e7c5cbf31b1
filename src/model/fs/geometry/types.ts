// The types of the ext2/3/4 geometry calculator: what mke2fs is asked (MkfsOptions), what it settles from
// that and mke2fs.conf (MkfsParams), and where it puts everything (ExtGeometry). Block numbers are
// filesystem blocks of `blockSizeBytes`; block 0 is the first block of the image.

/** A run of blocks: [first block, number of blocks]. */
export type BlockRun = readonly [firstBlock: number, blocksCount: number];

export type ExtFsType = 'ext2' | 'ext3' | 'ext4';

/** The on-disk features that change where mke2fs puts things. */
export interface ExtFeatures {
  /** Superblock backups only in groups 0, 1 and powers of 3, 5 and 7. */
  readonly sparseSuper: boolean;
  /** Reserved GDT blocks after the group descriptors, for online growth (inode 7). */
  readonly resizeInode: boolean;
  /** Bitmaps and inode tables of a flex group packed together at its start. */
  readonly flexBg: boolean;
  /** 64-byte group descriptors instead of 32. */
  readonly bit64: boolean;
  /** A jbd2 journal in inode 8. */
  readonly hasJournal: boolean;
  /** Extent-mapped files (the journal and directories); without it, block maps with indirect blocks. */
  readonly extents: boolean;
  /** Checksums: the layout is the same, kept so a caller can tell ext4's default set. */
  readonly metadataCsum: boolean;
}

/** What a mke2fs command line says, for an image of `sizeBytes`. Unset fields come from mke2fs.conf. */
export interface MkfsOptions {
  /** Size of the device or image file. */
  readonly sizeBytes: number;
  /** mkfs.ext2 / mkfs.ext3 / mkfs.ext4 (or -t). */
  readonly fsType: ExtFsType;
  /** -b; unset: from the profile (1024 for the floppy and small sizes, else 4096). */
  readonly blockSizeBytes?: number;
  /** -i bytes per inode. */
  readonly inodeRatioBytes?: number;
  /** -I */
  readonly inodeSizeBytes?: number;
  /** -N */
  readonly inodesCount?: number;
  /** -m, percent of blocks reserved for root (default 5). */
  readonly reservedPercent?: number;
  /** -g */
  readonly blocksPerGroup?: number;
  /** -G, groups per flex group (default 16 when flex_bg is on). */
  readonly flexBgGroups?: number;
  /** -j: add a journal (ext2 becomes ext3-like). */
  readonly journal?: boolean;
  /** -J size=: journal size in MiB; unset: ext2fs_default_journal_size. */
  readonly journalSizeMiB?: number;
  /** -T usage types, comma-separated (floppy, small, default, big, huge, news, largefile, largefile4). */
  readonly usageTypes?: string;
  /** -O edits, by mke2fs feature name: true to set, false for ^feature. */
  readonly featureEdits?: Readonly<Record<string, boolean>>;
}

/** What mke2fs settled before laying out the filesystem (its PRS step). */
export interface MkfsParams {
  readonly fsType: ExtFsType;
  /** The mke2fs.conf fs_types used, in order (e.g. ['ext4', 'small']). */
  readonly profileTypes: readonly string[];
  readonly blockSizeBytes: number;
  /** Blocks asked for, before ext2fs_initialize may drop a too-small last group. */
  readonly requestedBlocksCount: number;
  readonly inodeRatioBytes: number;
  readonly inodeSizeBytes: number;
  readonly requestedInodesCount: number;
  readonly reservedPercent: number;
  readonly blocksPerGroup: number;
  /** 0 without flex_bg. */
  readonly flexBgGroups: number;
  readonly features: ExtFeatures;
  /** -J size= in MiB; unset: the default size for the filesystem's block count. */
  readonly journalSizeMiB?: number;
}

export interface ExtGroup {
  readonly index: number;
  readonly firstBlock: number;
  readonly lastBlock: number;
  readonly blocksCount: number;
  /** Where this group's superblock copy is (group 0: the primary), if it has one. */
  readonly superblockBlock?: number;
  readonly superblockIsBackup: boolean;
  /** The group descriptor table copy after the superblock. */
  readonly gdtBlocks?: BlockRun;
  /** Reserved GDT blocks after it (resize_inode). */
  readonly reservedGdtBlocks?: BlockRun;
  readonly blockBitmapBlock: number;
  readonly inodeBitmapBlock: number;
  readonly inodeTable: BlockRun;
  /** Inode numbers this group holds: [first inode, inodes per group]. */
  readonly inodes: readonly [firstInode: number, inodesCount: number];
  /** Blocks of this group free right after mkfs, as dumpe2fs lists them. */
  readonly freeRanges: readonly BlockRun[];
  readonly freeBlocksCount: number;
}

/** A file's logical-to-physical mapping: logical block, first physical block, count. */
export interface FileExtent {
  readonly logicalBlock: number;
  readonly firstBlock: number;
  readonly blocksCount: number;
}

/** A file mkfs made: its data blocks, and the blocks that map them (indirect blocks or extent-tree leaves). */
export interface MkfsFile {
  readonly inode: number;
  readonly extents: readonly FileExtent[];
  readonly mappingBlocks: readonly number[];
  /** Every block the file owns, data and mapping, merged into runs in block order. */
  readonly runs: readonly BlockRun[];
}

export interface Journal extends MkfsFile {
  /** Journal blocks (the jbd2 log), not counting mapping blocks. */
  readonly blocksCount: number;
  readonly sizeBytes: number;
}

export type BlockKind =
  | 'bootBlock'
  | 'superblock'
  | 'gdt'
  | 'reservedGdt'
  | 'blockBitmap'
  | 'inodeBitmap'
  | 'inodeTable'
  | 'rootDir'
  | 'lostAndFound'
  | 'resizeInode'
  | 'journal'
  | 'journalMapping'
  | 'free';

/** A run of blocks with one use, for lookups. */
export interface LabelledRun {
  readonly firstBlock: number;
  readonly blocksCount: number;
  readonly kind: BlockKind;
  /** The group the metadata belongs to (bitmaps, inode tables and sb/GDT copies), not where it lies. */
  readonly ownerGroup?: number;
}

/** The numbers ext2fs_initialize settles for the whole filesystem, before anything is placed. */
export interface SuperblockLayout {
  readonly blockSizeBytes: number;
  readonly blocksCount: number;
  /** 1 with 1 KiB blocks (block 0 holds the boot sector), else 0. */
  readonly firstDataBlock: number;
  readonly blocksPerGroup: number;
  readonly groupCount: number;
  /** Group descriptor size: 64 with 64bit, else 32. */
  readonly descriptorBytes: number;
  /** Blocks of one group descriptor table copy. */
  readonly gdtBlocksCount: number;
  readonly reservedGdtBlocksCount: number;
  readonly inodesCount: number;
  readonly inodesPerGroup: number;
  readonly inodeSizeBytes: number;
  readonly inodeTableBlocksPerGroup: number;
  readonly reservedBlocksCount: number;
  readonly sparseSuper: boolean;
}

/** Everything mke2fs put on the disk, and where. */
export interface ExtGeometry extends Omit<SuperblockLayout, 'sparseSuper'> {
  readonly params: MkfsParams;
  readonly fsType: ExtFsType;
  readonly features: ExtFeatures;
  /** Groups per flex group, 0 without flex_bg. */
  readonly flexBgGroups: number;
  readonly inodesPerBlock: number;
  /** The first inode files may use (11: 1–10 are reserved). */
  readonly firstInode: number;
  /** What the superblock's s_overhead_clusters says: metadata, journal and the first data block. */
  readonly overheadBlocks: number;
  readonly freeBlocksCount: number;
  readonly freeInodesCount: number;
  readonly groups: readonly ExtGroup[];
  readonly rootDir: MkfsFile;
  readonly lostAndFound: MkfsFile;
  /** The resize inode (7)'s double-indirect block, with resize_inode. */
  readonly resizeInodeDindBlock?: number;
  readonly journal?: Journal;
  /** Every used block, labelled, in block order (free blocks are the gaps). */
  readonly usedRuns: readonly LabelledRun[];
}
