// The Sugar Labs recovery operations on an overlay file, done while its snapshot device is removed:
// flip the header's valid byte back (`printf '\x01' | dd of=overlay bs=1 count=1 seek=4 conv=notrunc`) and
// extend the file with zeros (`dd if=/dev/zero of=overlay bs=1M count=N oflag=append conv=notrunc`).

import type { CowDevice } from '../block/CowDevice';
import { ModelError } from '../errors';
import { VALID_BYTE_OFFSET } from './diskFormat';

export function setValidByte(cow: CowDevice, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    throw new ModelError('EINVAL', `the valid byte takes a value from 0 to 255, not ${value}`);
  }
  cow.write(VALID_BYTE_OFFSET, Uint8Array.of(value));
}

export function extendCow(cow: CowDevice, sectors: number): void {
  if (!Number.isSafeInteger(sectors) || sectors < 1) {
    throw new ModelError('EINVAL', `an overlay grows by a whole number of sectors, not ${sectors}`);
  }
  cow.extend(sectors);
}
