// The layout mkfs.fat (mkfs.vfat, mkdosfs) gives a partition of a given size when run with its defaults,
// as livecd-iso-to-disk runs it (`mkfs.fat -n LIVE <partition>`, no -F, -s or -S): FAT type, sectors per
// cluster, reserved sectors, FAT size and cluster count, by the same arithmetic as dosfstools.
//
// Source: dosfstools/dosfstools `src/mkfs.fat.c` at 289a48b (2023, after v4.2) — establish_params() and
// setup_tables(); for the 2012 era, `src/mkdosfs.c` at tag v3.0.12 (29 Oct 2011). Checked against both
// programs built from those sources and run on image files (test/model/store/mkfsFatGolden.ts).
//
// On-disk layout, in 512-byte sectors: reserved sectors (boot sector; on FAT32 also FSInfo and a backup
// boot sector), then two copies of the FAT, then (FAT12/16 only) the fixed root directory of
// `rootEntries` 32-byte slots, then the data area of `clusterCount` clusters, numbered from 2. On FAT32 the
// root directory is an ordinary cluster chain starting at cluster 2, so a new FAT32 filesystem already has
// one cluster in use.
//
// The rules, as the two versions apply them to a fixed disk with 512-byte sectors:
// - FAT type: 4.2 picks FAT32 from 512 MiB up (`info->size >= 512 * 1024 * 1024`); 3.0.12 when the whole
//   KiB, doubled, pass 1,064,960 sectors (520 MiB). Below that it tries FAT12 and FAT16 and keeps the one with more clusters.
// - FAT32 sectors per cluster, "the same as M$'s format command": 4.2 — above 32 GiB 64 (32 KiB), above
//   16 GiB 32, above 8 GiB 16, above 260 MiB 8 (4 KiB), else 1; 3.0.12 — the size in MiB rounded up: above
//   16384 MiB 32, above 8192 MiB 16, above 260 MiB 8, else 1. FAT12/16 start at 4 sectors per cluster.
// - Then a loop doubles the cluster size (up to 128 sectors) until the chosen FAT type has a legal
//   number of clusters: FAT12 at most 4084 (3.0.12: 4078), FAT16 4087–65524 (3.0.12: 4085–65518),
//   FAT32 at least 65525 (3.0.12: 65529).
// - Alignment (on unless the filesystem has 8192 sectors or fewer): the reserved area, each FAT and the
//   root directory are rounded up to whole clusters, so FAT32 with 64-sector clusters has 64 reserved
//   sectors, not 32. 4.2 also first rounds the sector count down to whole tracks (63 sectors above 256 MiB,
//   32 or 16 below, as for a device that reports no geometry; a real stick reports one through the sd
//   driver, usually 63 sectors per track too).

import type { EraId } from '../stick/eras';
import { SECTOR_BYTES } from '../units';

export type FatRules = 'dosfstools-3.0.12' | 'dosfstools-4.2';

export type FatBits = 12 | 16 | 32;

export interface FatGeometry {
  rules: FatRules;
  partitionBytes: number;
  /** Sectors the filesystem covers (4.2 drops a partial track at the end). */
  totalSectors: number;
  fatBits: FatBits;
  sectorsPerCluster: number;
  clusterBytes: number;
  reservedSectors: number;
  fatCount: 2;
  /** Sectors in one FAT. */
  fatSectors: number;
  /** Slots in the fixed FAT12/16 root directory; 0 on FAT32. */
  rootEntries: number;
  firstDataSector: number;
  /** Data clusters, numbered 2 … clusterCount + 1. */
  clusterCount: number;
}

export type FatGeometryResult = { ok: true; geometry: FatGeometry } | { ok: false; message: string };

/** Which mkfs.fat a stick of each era was formatted with. */
export function fatRulesForEra(era: EraId): FatRules {
  return era === 'soas-2012' ? 'dosfstools-3.0.12' : 'dosfstools-4.2';
}

const FAT_COUNT = 2;
const DEFAULT_ROOT_ENTRIES = 512;
const MAX_SECTORS_PER_CLUSTER = 128;
const MIB = 1024 * 1024;

const LIMITS = {
  'dosfstools-4.2': { max12: 4084, min16: 4087, max16: 65524, min32: 65525, max32: 268435446, slack: 0 },
  // 3.0.12 rejects a FAT whose cluster count is above "maxclust - 2" for FAT12/16.
  'dosfstools-3.0.12': { max12: 4080, min16: 4085, max16: 65520, min32: 65529, max32: 268435440, slack: 2 },
} as const;

function cdiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

function fat32SectorsPerCluster(partitionBytes: number, rules: FatRules): number {
  if (rules === 'dosfstools-4.2') {
    const sectors = Math.floor(partitionBytes / SECTOR_BYTES);
    if (sectors > 32 * MIB * 2) return 64;
    if (sectors > 16 * MIB * 2) return 32;
    if (sectors > 8 * MIB * 2) return 16;
    if (sectors > 260 * 1024 * 2) return 8;
    return 1;
  }
  const sizeMib = cdiv(Math.floor(partitionBytes / 1024), 1024);
  if (sizeMib > 16 * 1024) return 32;
  if (sizeMib > 8 * 1024) return 16;
  if (sizeMib > 260) return 8;
  return 1;
}

/** 4.2's track size for a device with no geometry: the SD-card table below 256 MiB, LBA-assist above. */
function sectorsPerTrack(sectors: number): number {
  if (sectors <= 524288) return sectors <= 4096 ? 16 : 32;
  return 63;
}

/**
 * The filesystem mkfs.fat would make on a partition of `partitionBytes`, or mkfs.fat's own refusal. The
 * model takes partitions from 4 MiB (below that mkfs.fat has floppy tables this model leaves out) to
 * 2 TiB − 512 B (FAT counts sectors in 32 bits).
 */
export function fatGeometry(partitionBytes: number, rules: FatRules = 'dosfstools-4.2'): FatGeometryResult {
  if (!Number.isSafeInteger(partitionBytes) || partitionBytes < 4 * MIB) {
    return { ok: false, message: 'a FAT partition in Cellar is at least 4 MiB' };
  }
  const rawSectors = Math.floor(partitionBytes / SECTOR_BYTES);
  if (rawSectors > 0xffffffff) return { ok: false, message: 'FAT cannot count more than 2^32 − 1 sectors' };
  const limits = LIMITS[rules];
  const fat32 =
    rules === 'dosfstools-4.2'
      ? partitionBytes >= 512 * MIB
      : Math.floor(partitionBytes / 1024) * 2 > 1064960;

  let align = true;
  let totalSectors = rawSectors;
  if (rules === 'dosfstools-4.2') {
    const track = sectorsPerTrack(rawSectors);
    totalSectors = Math.floor(rawSectors / track) * track;
  }
  if (totalSectors <= 8192) align = false;
  const alignUp = (sectors: number, cluster: number) => (align ? cdiv(sectors, cluster) * cluster : sectors);

  let reservedSectors = fat32 ? 32 : 1;
  const rootDirSectors = cdiv(DEFAULT_ROOT_ENTRIES * 32, SECTOR_BYTES);
  let cluster = fat32 ? fat32SectorsPerCluster(partitionBytes, rules) : 4;
  let found: { bits: FatBits; clusters: number; fatSectors: number } | null = null;

  while (cluster <= MAX_SECTORS_PER_CLUSTER) {
    const fatdata32 = totalSectors - alignUp(reservedSectors, cluster);
    const fatdata1216 = fatdata32 - alignUp(rootDirSectors, cluster);

    let clust12 = Math.floor(
      (2 * (fatdata1216 * SECTOR_BYTES + FAT_COUNT * 3)) / (2 * cluster * SECTOR_BYTES + FAT_COUNT * 3),
    );
    const fatLength12 = alignUp(cdiv(Math.floor(((clust12 + 2) * 3 + 1) / 2), SECTOR_BYTES), cluster);
    clust12 = Math.floor((fatdata1216 - FAT_COUNT * fatLength12) / cluster);
    const maxClust12 = Math.min(Math.floor((fatLength12 * 2 * SECTOR_BYTES) / 3), limits.max12);
    if (clust12 > maxClust12 - limits.slack) clust12 = 0;

    let clust16 = Math.floor(
      (fatdata1216 * SECTOR_BYTES + FAT_COUNT * 4) / (cluster * SECTOR_BYTES + FAT_COUNT * 2),
    );
    const fatLength16 = alignUp(cdiv((clust16 + 2) * 2, SECTOR_BYTES), cluster);
    clust16 = Math.floor((fatdata1216 - FAT_COUNT * fatLength16) / cluster);
    const maxClust16 = Math.min(Math.floor((fatLength16 * SECTOR_BYTES) / 2), limits.max16);
    if (clust16 > maxClust16 - limits.slack) clust16 = 0;
    if (clust16 < limits.min16) clust16 = 0;

    let clust32 = Math.floor(
      (fatdata32 * SECTOR_BYTES + FAT_COUNT * 8) / (cluster * SECTOR_BYTES + FAT_COUNT * 4),
    );
    const fatLength32 = alignUp(cdiv((clust32 + 2) * 4, SECTOR_BYTES), cluster);
    clust32 = Math.floor((fatdata32 - FAT_COUNT * fatLength32) / cluster);
    const maxClust32 = Math.min(Math.floor((fatLength32 * SECTOR_BYTES) / 4), limits.max32);
    if (clust32 > maxClust32) clust32 = 0;
    if (clust32 < limits.min32) clust32 = 0;

    const best12 = { clusters: Math.max(clust12, 0), fatSectors: fatLength12 };
    const best16 = { clusters: Math.max(clust16, 0), fatSectors: fatLength16 };
    if (fat32 && clust32 > 0) {
      found = { bits: 32, clusters: clust32, fatSectors: fatLength32 };
      break;
    }
    if (!fat32 && (best12.clusters > 0 || best16.clusters > 0)) {
      found =
        best16.clusters > best12.clusters
          ? { bits: 16, clusters: best16.clusters, fatSectors: best16.fatSectors }
          : { bits: 12, clusters: best12.clusters, fatSectors: best12.fatSectors };
      break;
    }
    cluster *= 2;
  }
  if (!found) return { ok: false, message: 'Attempting to create a too small or a too large filesystem' };

  reservedSectors = alignUp(reservedSectors, cluster);
  const rootEntries = found.bits === 32 ? 0 : alignUp(rootDirSectors, cluster) * (SECTOR_BYTES >> 5);
  const firstDataSector = reservedSectors + FAT_COUNT * found.fatSectors + (rootEntries * 32) / SECTOR_BYTES;
  return {
    ok: true,
    geometry: {
      rules,
      partitionBytes,
      totalSectors,
      fatBits: found.bits,
      sectorsPerCluster: cluster,
      clusterBytes: cluster * SECTOR_BYTES,
      reservedSectors,
      fatCount: FAT_COUNT,
      fatSectors: found.fatSectors,
      rootEntries,
      firstDataSector,
      clusterCount: found.clusters,
    },
  };
}
