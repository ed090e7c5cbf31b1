// The geometry calculator against the kernel lab's own mkfs runs: a_ext4, a_ext3 and f_liveos_4k recorded
// the mkfs command, its output and the base image's dumpe2fs header (test/fixtures/kernel/*.json). The
// header was taken after the lab mounted the image and copied files in, so only the numbers that mounting
// and writing do not change are compared; the free counts are not.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeGeometry, parseMkfsCommand } from '../../../../src/model/fs/geometry';
import { KERNEL_DIR } from '../../../helpers/golden';
import {
  headerNumber,
  journalSizeText,
  parseDumpe2fsHeader,
  recordedStableSuperblockNumbers,
  stableSuperblockNumbers,
} from './mkfsFixture';

interface LabRecording {
  base_dumpe2fs_header: string[];
  setup_commands: { cmd: string; output: string[] }[];
}

function loadLab(name: string): LabRecording {
  return JSON.parse(readFileSync(join(KERNEL_DIR, `${name}.json`), 'utf8')) as LabRecording;
}

describe.each(['a_ext4', 'a_ext3', 'f_liveos_4k'])('kernel lab %s', (name) => {
  const lab = loadLab(name);
  const mkfs = lab.setup_commands.find((c) => c.cmd.startsWith('mkfs.'))!;
  // "Creating filesystem with 131072 1k blocks …": the device's size as mke2fs saw it.
  const created = mkfs.output
    .map((l) => /^Creating filesystem with (\d+) (\d+)k blocks/.exec(l))
    .find(Boolean)!;
  const sizeBytes = Number(created[1]) * Number(created[2]) * 1024;
  const header = parseDumpe2fsHeader(lab.base_dumpe2fs_header);
  const fixture = { header };
  const geometry = computeGeometry(parseMkfsCommand(mkfs.cmd, sizeBytes));

  it('matches the recorded superblock numbers that mounting does not change', () => {
    expect({
      ...stableSuperblockNumbers(geometry),
      journalBlocks: geometry.journal?.blocksCount,
      journalSize: journalSizeText(geometry.journal!.sizeBytes),
    }).toEqual({
      ...recordedStableSuperblockNumbers(fixture),
      journalBlocks: headerNumber(fixture, 'Total journal blocks'),
      journalSize: header.get('Total journal size'),
    });
  });

  it('matches the superblock backups mkfs announced', () => {
    const at = mkfs.output.findIndex((l) => l.startsWith('Superblock backups stored on blocks'));
    const announced = mkfs.output[at + 1].trim().split(/,\s*/).map(Number);
    const backups = geometry.groups.filter((g) => g.superblockIsBackup).map((g) => g.superblockBlock);
    expect(backups).toEqual(announced);
    expect(mkfs.output).toContain(`Creating journal (${geometry.journal!.blocksCount} blocks): done`);
  });
});
