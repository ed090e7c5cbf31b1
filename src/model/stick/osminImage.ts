// osmin.img (2012 images only): livecd-creator snapshotted the root image, shrank the filesystem inside
// the snapshot with `resize2fs -M`, and squashed the COW it had used (livecd-tools imgcreate/fs.py
// create_image_minimizer). dracut unsquashes it into RAM and makes it the read-only `live-osimg-min`
// snapshot over the same base. Cellar models it minimally: a persistent COW filled to its last chunk,
// so `dmsetup status` shows it as the wiki's page does (`2464/2464 24` for a 2464-sector COW). Which
// origin chunks it holds is not known; the model takes the first ones (resize2fs moves blocks down).

import type { OriginDevice } from '../block/BlockDevice';
import { CowDevice } from '../block/CowDevice';
import type { DeviceNumber } from '../block/BlockDevice';
import { SnapshotTarget } from '../dm/SnapshotTarget';
import { ModelError } from '../errors';
import { SECTOR_BYTES } from '../units';
import { estimateSquashedBytes } from '../store/SquashfsImage';

/** A full persistent COW of `cowSectors`, as the image minimizer left it. */
export function buildOsminCow(
  origin: OriginDevice,
  cowSectors: number,
  chunkSectors: number,
  deviceNumber: DeviceNumber,
): CowDevice {
  const cow = new CowDevice(cowSectors, deviceNumber);
  const made = SnapshotTarget.create({ origin, cow, store: 'P', chunkSectors });
  if (!made.ok) throw new ModelError('EINVAL', `the osmin COW cannot be made: ${made.message}`);
  const target = made.target;
  let originChunk = 0;
  for (;;) {
    const status = target.status();
    if (status.state !== 'Valid' || status.sectorsAllocated + chunkSectors > status.totalSectors) break;
    if ((originChunk + 1) * chunkSectors > origin.sizeSectors) {
      throw new ModelError('EINVAL', 'the root image is too small for its osmin COW');
    }
    target.write(originChunk * chunkSectors, chunkSectors);
    originChunk++;
  }
  target.remove();
  return cow;
}

/** osmin.img's size on the stick: the squashed COW (estimated as squashfs.img is). */
export function osminFileBytes(cowSectors: number): number {
  return estimateSquashedBytes(cowSectors * SECTOR_BYTES);
}
