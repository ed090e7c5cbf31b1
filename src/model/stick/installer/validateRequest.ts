// Checks that a request describes a stick and an image that could exist (sizes that add up, files
// that fit their filesystem). These come from Cellar itself, not from what a learner types, so a
// bad one is a ModelError rather than a refusal.

import { ModelError } from '../../errors';
import { ERAS } from '../eras';
import type { InstallRequest } from './InstallRequest';
import { FAT_MAX_FILE_BYTES, MAX_OPTION_MIB, mibToBytes } from './sizes';
import { readDevicePath } from './targetDevice';

function size(value: unknown, what: string, { positive = false } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new ModelError(
      'EINVAL',
      `${what} must be a ${positive ? 'positive' : 'non-negative'} number of MiB`,
    );
  }
  if (value > MAX_OPTION_MIB) throw new ModelError('EINVAL', `${what} is larger than Cellar can plan`);
  return value;
}

export function validateRequest(request: InstallRequest): void {
  if (!Object.hasOwn(ERAS, request.era)) throw new ModelError('EINVAL', `unknown era ${String(request.era)}`);
  const { stick, image, command } = request;
  const device = readDevicePath(stick.devicePath);
  if (!device || device.partition !== undefined) {
    throw new ModelError(
      'EINVAL',
      `stick.devicePath ${stick.devicePath} is not a whole-disk device such as /dev/sdb`,
    );
  }
  if (stick.filesystem !== 'vfat' && stick.filesystem !== 'ext4') {
    throw new ModelError('EINVAL', `stick.filesystem must be vfat or ext4`);
  }
  const capacity = size(stick.capacityMib, 'stick.capacityMib', { positive: true });
  const filesystem = size(stick.filesystemMib, 'stick.filesystemMib', { positive: true });
  if (filesystem > capacity) throw new ModelError('EINVAL', 'stick.filesystemMib exceeds stick.capacityMib');
  const liveOs = size(stick.liveOsMib, 'stick.liveOsMib');
  const used =
    liveOs +
    size(stick.bootFilesMib, 'stick.bootFilesMib') +
    size(stick.otherFilesMib, 'stick.otherFilesMib');
  if (used > filesystem)
    throw new ModelError('EINVAL', 'the stick holds more than its filesystem has room for');
  const home = stick.homeImg ? size(stick.homeImg.sizeMib, 'stick.homeImg.sizeMib', { positive: true }) : 0;
  const overlay = stick.overlayMib !== undefined ? size(stick.overlayMib, 'stick.overlayMib') : 0;
  if (home + overlay > liveOs)
    throw new ModelError('EINVAL', 'stick.homeImg and stick.overlayMib must fit in stick.liveOsMib');
  if (stick.filesystem === 'vfat' && Math.max(mibToBytes(home), mibToBytes(overlay)) > FAT_MAX_FILE_BYTES) {
    throw new ModelError('EINVAL', 'a vfat stick cannot hold a file of 4 GiB');
  }
  if (typeof stick.label !== 'string' || typeof stick.uuid !== 'string') {
    throw new ModelError('EINVAL', 'stick.label and stick.uuid must be strings');
  }
  size(image.squashfsMib, 'image.squashfsMib', { positive: true });
  size(image.rootImageMib, 'image.rootImageMib', { positive: true });
  size(image.bootFilesMib, 'image.bootFilesMib');
  if (image.osminMib !== undefined) size(image.osminMib, 'image.osminMib');
  if (image.efiBootImgMib !== undefined) size(image.efiBootImgMib, 'image.efiBootImgMib');
  if (image.homeImg) size(image.homeImg.sizeMib, 'image.homeImg.sizeMib', { positive: true });
  if (typeof image.appendLine !== 'string')
    throw new ModelError('EINVAL', 'image.appendLine must be a string');
  for (const word of [command.program, command.source, command.target]) {
    if (typeof word !== 'string')
      throw new ModelError('EINVAL', 'the command needs a program, a source and a target');
  }
}
