// The stick's LiveOS folder as the bridge reads it: each file's size and the blocks it really takes, and the
// overlay file's first 16 bytes (its header), read with node:fs and nothing else.

import type { Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ERAS } from '../../model/stick/eras';
import type { LiveOsFile, OverlayHeaderRead } from '../../real/report';

/** The LiveOS folder where each era mounts a running stick's own filesystem (a machine has only one). */
export const LIVE_OS_FOLDERS = Object.values(ERAS).map((era) => `${era.deviceMountPath}/LiveOS`);

const HEADER_BYTES = 16;

type Problem = OverlayHeaderRead['problem'];

function problemOf(error: unknown): Exclude<Problem, null> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'needs-root';
  if (code === 'ENOENT') return 'missing';
  return 'failed';
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** The first of the folders that exists and can be listed, with its regular files by name. */
export async function readLiveOsFolder(
  folders: readonly string[],
): Promise<{ folder: string; files: LiveOsFile[] } | null> {
  for (const folder of folders) {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch {
      continue;
    }
    const files: LiveOsFile[] = [];
    for (const name of names) {
      const path = join(folder, name);
      const info = await statOrNull(path);
      if (info?.isFile()) files.push({ path, sizeBytes: info.size, allocatedBytes: info.blocks * 512 });
    }
    return { folder, files };
  }
  return null;
}

/** The overlay file is the one named overlay-<label>-<uuid> (livecd-iso-to-disk's name for it). */
export function overlayFileOf(files: readonly LiveOsFile[]): LiveOsFile | null {
  return files.find((file) => /\/overlay-[^/]*$/.test(file.path)) ?? null;
}

/** Its first 16 bytes in hex (fewer if the file is shorter), or why they could not be read. */
export async function readOverlayHeader(path: string): Promise<OverlayHeaderRead> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
      return { path, headerHex: buffer.subarray(0, bytesRead).toString('hex'), problem: null };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { path, headerHex: null, problem: problemOf(error) };
  }
}
