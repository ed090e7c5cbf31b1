// What Cellar explains when a LiveOS image finds no room: the kernel itself prints only device-mapper's
// "Invalidating snapshot: Error reading/writing." and ext4's journal abort, so these lines (source
// 'cellar') say what happened underneath.

import type { DeviceFilesystemKind } from '../store/DeviceFilesystem';

export function spaceFailureTexts(device: DeviceFilesystemKind): {
  overlayFile: string;
  home: string;
  ram: string;
} {
  const full = `The stick's ${device} filesystem is full`;
  return {
    overlayFile:
      `${full}: the loop device could not write the overlay file's next chunk (No space left on device), ` +
      'so device-mapper saw a write error on the overlay and invalidated live-rw.',
    home:
      `${full}: the loop device could not write into home.img (No space left on device), so its ext4 saw ` +
      'a write error, aborted its journal and turned /home read-only.',
    ram:
      "The machine's RAM is full: the temporary overlay, a file in RAM, could not take its next chunk. Linux " +
      'would now end programs to get memory back (the OOM killer) and then stop answering; Cellar marks ' +
      'live-rw invalid instead, as after a write error. Only a reboot helps, and it forgets every change.',
  };
}
