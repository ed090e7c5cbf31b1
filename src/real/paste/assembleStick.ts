// The readings made into the RealStick every view reads: the root's snapshot, the LiveOS files by role,
// where the stick is mounted, then persistence and era with what told them.

import { ERAS } from '../../model/stick/eras';
import type { Evidence, RealFile, RealStick } from '../realStick';
import { detectEra } from './detectEra';
import { baseName, detectPersistence } from './detectPersistence';
import { liveSnapshot } from './liveSnapshot';
import type { Readings } from './readings';

const DEVICE_PATHS: string[] = Object.values(ERAS).map((era) => era.deviceMountPath);

/** One entry per path, the last read winning (a report's stat, then a pasted `ls -l` of the same file). */
function uniqueFiles(files: RealFile[]): RealFile[] {
  return [...new Map(files.map((file) => [file.path, file])).values()];
}

function fileNamed(files: RealFile[], test: (name: string) => boolean): RealFile | null {
  return files.find((file) => test(baseName(file.path))) ?? null;
}

/** The root images live inside squashfs.img, not on the stick: their loops tell nothing of its mount. */
const ROOT_IMAGES: string[] = Object.values(ERAS).map((era) => era.rootImageName);

/** The folder above a ".../LiveOS" or ".../LiveOS/file" path, or null. */
function aboveLiveOs(path: string): string | null {
  const match = /^(\/.*?)\/LiveOS(?:\/[^/]*)?$/.exec(path);
  return match ? match[1]! : null;
}

/** The stick's own mount: a known mount point, else the folder above the LiveOS folder something named. */
function devicePathOf(readings: Readings, files: RealFile[]): string | null {
  const mounted = readings.mounts.find((mount) => DEVICE_PATHS.includes(mount.target));
  if (mounted) return mounted.target;
  const loopFiles = readings.loops
    .map((loop) => loop.backingFile)
    .filter((path) => !ROOT_IMAGES.includes(baseName(path)));
  for (const path of [readings.liveOsFolder ?? '', ...files.map((file) => file.path), ...loopFiles]) {
    const above = aboveLiveOs(path);
    if (above !== null) return above;
  }
  return null;
}

function uniqueEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.filter(
    (item, index) =>
      evidence.findIndex((other) => other.clue === item.clue && other.text === item.text) === index,
  );
}

export function assembleStick(readings: Readings): RealStick {
  const files = uniqueFiles(readings.files);
  const snapshot = liveSnapshot(readings);
  const overlayFile = fileNamed(files, (name) => name.startsWith('overlay-'));
  const devicePath = devicePathOf(readings, files);
  const found = detectPersistence(readings, snapshot, overlayFile);
  const era = detectEra(snapshot, devicePath, found.persistence === 'temporary');
  return {
    source: readings.source,
    takenAt: readings.takenAt,
    persistence: found.persistence,
    era: era.era,
    evidence: uniqueEvidence([...found.evidence, ...era.evidence]),
    snapshot,
    devicePath,
    overlayFile,
    homeImage: fileNamed(files, (name) => name === 'home.img'),
    squashfsImage: fileNamed(files, (name) => name === 'squashfs.img'),
    files,
    overlayHeader: readings.overlayHeader,
    loops: readings.loops,
    mounts: readings.mounts,
    dmDevices: Object.fromEntries(readings.dmDevices),
    needsRoot: readings.needsRoot,
    failedCommands: readings.failedCommands,
    problems: readings.problems,
  };
}
