// Reads the fixtures scripts/mkfs-fixtures.sh makes (test/fixtures/mkfs/*.txt): the mkfs command and image
// size, dumpe2fs's header and per-group lines, and debugfs's `stat` block lists for inodes 8, 2, 11 and 7.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtGeometry } from '../../../../src/model/fs/geometry';

export const MKFS_FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/mkfs');

/** [first block, blocks], as the geometry's BlockRun. */
export type Run = [number, number];

export interface DumpedGroup {
  index: number;
  firstBlock: number;
  lastBlock: number;
  superblock?: { block: number; primary: boolean };
  gdtBlocks?: Run;
  reservedGdtBlocks?: Run;
  blockBitmapBlock: number;
  inodeBitmapBlock: number;
  inodeTable: Run;
  freeBlocksCount: number;
  freeRanges: Run[];
}

export interface StatExtent {
  logicalBlock: number;
  firstBlock: number;
  blocksCount: number;
}

export interface DumpedStat {
  inode: number;
  sizeBytes: number;
  /** BLOCKS: (block map) or EXTENTS: (extent tree). */
  mapping: 'blocks' | 'extents';
  extents: StatExtent[];
  /** (IND)/(DIND)/(TIND) blocks, or extent-tree blocks (ETBn), in the order listed. */
  mappingBlocks: { kind: string; block: number }[];
}

export interface MkfsFixture {
  name: string;
  sizeBytes: number;
  /** The commands run, with IMG for the image path: mkfs first, then tune2fs if any. */
  commands: string[];
  header: Map<string, string>;
  groups: DumpedGroup[];
  stats: Map<number, DumpedStat>;
}

export function listMkfsFixtures(): string[] {
  return readdirSync(MKFS_FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
}

function range(text: string): Run {
  const [a, b = a] = text.split('-').map(Number);
  return [a, b - a + 1];
}

function parseGroups(lines: string[]): DumpedGroup[] {
  const groups: DumpedGroup[] = [];
  let g: Partial<DumpedGroup> & { index?: number } = {};
  const flush = () => {
    if (g.index !== undefined) groups.push(g as DumpedGroup);
  };
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = /^Group (\d+): \(Blocks (\d+)-(\d+)\)/.exec(line))) {
      flush();
      g = { index: Number(m[1]), firstBlock: Number(m[2]), lastBlock: Number(m[3]) };
    } else if ((m = /^ {2}(Primary|Backup) superblock at (\d+), Group descriptors at ([\d-]+)/.exec(line))) {
      g.superblock = { block: Number(m[2]), primary: m[1] === 'Primary' };
      g.gdtBlocks = range(m[3]);
    } else if ((m = /^ {2}Reserved GDT blocks at ([\d-]+)/.exec(line))) {
      g.reservedGdtBlocks = range(m[1]);
    } else if ((m = /^ {2}Block bitmap at (\d+)/.exec(line))) {
      g.blockBitmapBlock = Number(m[1]);
    } else if ((m = /^ {2}Inode bitmap at (\d+)/.exec(line))) {
      g.inodeBitmapBlock = Number(m[1]);
    } else if ((m = /^ {2}Inode table at ([\d-]+)/.exec(line))) {
      g.inodeTable = range(m[1]);
    } else if ((m = /^ {2}(\d+) free blocks, /.exec(line))) {
      g.freeBlocksCount = Number(m[1]);
    } else if ((m = /^ {2}Free blocks: ?(.*)$/.exec(line))) {
      g.freeRanges = m[1].trim() === '' ? [] : m[1].split(', ').map(range);
    }
  }
  flush();
  return groups;
}

function parseStat(lines: string[]): DumpedStat {
  const head = /^Inode: (\d+)/.exec(lines.find((l) => l.startsWith('Inode:')) ?? '');
  const size = /Size: (\d+)/.exec(lines.find((l) => l.startsWith('User:')) ?? '');
  const at = lines.findIndex((l) => l === 'BLOCKS:' || l === 'EXTENTS:');
  const stat: DumpedStat = {
    inode: Number(head?.[1]),
    sizeBytes: Number(size?.[1]),
    mapping: lines[at] === 'EXTENTS:' ? 'extents' : 'blocks',
    extents: [],
    mappingBlocks: [],
  };
  const list = at >= 0 ? (lines[at + 1] ?? '') : '';
  for (const entry of list.split(', ')) {
    let m: RegExpExecArray | null;
    if ((m = /^\(([A-Z]+\d*)\):(\d+)$/.exec(entry))) {
      stat.mappingBlocks.push({ kind: m[1], block: Number(m[2]) });
    } else if ((m = /^\((\d+)(?:-(\d+))?\):(\d+)(?:-(\d+))?$/.exec(entry))) {
      const logical = Number(m[1]);
      const first = Number(m[3]);
      const count = (m[4] ? Number(m[4]) : first) - first + 1;
      stat.extents.push({ logicalBlock: logical, firstBlock: first, blocksCount: count });
    }
  }
  return stat;
}

export function loadMkfsFixture(name: string): MkfsFixture {
  return parseMkfsFixture(name, readFileSync(join(MKFS_FIXTURE_DIR, `${name}.txt`), 'utf8'));
}

export function parseMkfsFixture(name: string, text: string): MkfsFixture {
  const sections = new Map<string, string[]>();
  const commands: string[] = [];
  let sizeBytes = 0;
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('=== ')) {
      current = [];
      sections.set(line.slice(4), current);
    } else if (current) current.push(line);
    else if (line.startsWith('# size_bytes: ')) sizeBytes = Number(line.slice('# size_bytes: '.length));
    else if (line.startsWith('# command: ')) commands.push(line.slice('# command: '.length));
  }
  const dump = sections.get('dumpe2fs IMG') ?? [];
  const groupsAt = dump.findIndex((line) => /^Group \d+: /.test(line));
  const header = parseDumpe2fsHeader(groupsAt < 0 ? dump : dump.slice(0, groupsAt));
  const stats = new Map<number, DumpedStat>();
  for (const ino of [8, 2, 11, 7]) {
    const lines = sections.get(`debugfs -R 'stat <${ino}>' IMG`);
    if (lines && lines.some((l) => l.startsWith('Inode:'))) stats.set(ino, parseStat(lines));
  }
  return { name, sizeBytes, commands, header, groups: parseGroups(dump), stats };
}

/** A header number, or `fallback` when dumpe2fs did not print the line. */
export function headerNumber(
  fixture: { header: Map<string, string> },
  key: string,
  fallback?: number,
): number {
  const value = fixture.header.get(key);
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`${key} missing`);
    return fallback;
  }
  return Number(value.split(/\s/)[0]);
}

/** dumpe2fs's "Total journal size" (lib/e2p/ljs.c): KiB under 8 MiB, else MiB. */
export function journalSizeText(sizeBytes: number): string {
  const kib = sizeBytes / 1024;
  return kib < 8192 ? `${kib}k` : `${kib >> 10}M`;
}

/** dumpe2fs's "Key:   value" header lines, keyed by the text before the colon. */
export function parseDumpe2fsHeader(lines: string[]): Map<string, string> {
  const header = new Map<string, string>();
  for (const line of lines) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) header.set(m[1], m[2].trim());
  }
  return header;
}

/** The superblock numbers mounting and writing leave alone, as the geometry has them… */
export function stableSuperblockNumbers(g: ExtGeometry): Record<string, number> {
  return {
    blocksCount: g.blocksCount,
    inodesCount: g.inodesCount,
    reservedBlocksCount: g.reservedBlocksCount,
    overheadBlocks: g.overheadBlocks,
    firstDataBlock: g.firstDataBlock,
    blockSizeBytes: g.blockSizeBytes,
    descriptorBytes: g.descriptorBytes,
    reservedGdtBlocksCount: g.reservedGdtBlocksCount,
    blocksPerGroup: g.blocksPerGroup,
    inodesPerGroup: g.inodesPerGroup,
    inodeTableBlocksPerGroup: g.inodeTableBlocksPerGroup,
    flexBgGroups: g.flexBgGroups,
    inodeSizeBytes: g.inodeSizeBytes,
    firstInode: g.firstInode,
  };
}

/** …and as dumpe2fs printed them (lines it leaves out take mke2fs's defaults). */
export function recordedStableSuperblockNumbers(fixture: {
  header: Map<string, string>;
}): Record<string, number> {
  const n = (key: string, fallback?: number) => headerNumber(fixture, key, fallback);
  return {
    blocksCount: n('Block count'),
    inodesCount: n('Inode count'),
    reservedBlocksCount: n('Reserved block count'),
    overheadBlocks: n('Overhead clusters'),
    firstDataBlock: n('First block'),
    blockSizeBytes: n('Block size'),
    descriptorBytes: n('Group descriptor size', 32),
    reservedGdtBlocksCount: n('Reserved GDT blocks', 0),
    blocksPerGroup: n('Blocks per group'),
    inodesPerGroup: n('Inodes per group'),
    inodeTableBlocksPerGroup: n('Inode blocks per group'),
    flexBgGroups: n('Flex block group size', 0),
    inodeSizeBytes: n('Inode size'),
    firstInode: n('First inode'),
  };
}
