// A failed command in a learner's words: what went wrong and, where there is one, what to try. The kernel
// code stays beside the message (for the terminal and for tests); the message never blames the learner.

import type { StoreKind } from '../stick/MountTable';
import type { StickErrorCode } from '../stick/stickOutcome';

const STORE_NAMES: Record<StoreKind, string> = {
  overlay: 'the overlay',
  home: 'home.img',
  ram: 'the RAM folder',
  device: "the stick's free space",
  'base-readonly': 'the read-only system',
};

/** Why a command failed, for a learner; `store` is where the path's data would have gone. */
export function failureMessage(error: StickErrorCode, store: StoreKind | null): string {
  switch (error) {
    case 'ENOSPC':
      return store
        ? `There is no room left in ${STORE_NAMES[store]}. Delete something there, or choose a smaller file.`
        : 'There is no room left. Delete something, or choose a smaller file.';
    case 'EIO':
      return 'The overlay is full: the stick could not save that, and the system stopped writing. Undo, or reset the stick.';
    case 'EROFS':
      return 'The system is read-only now (the overlay filled up), so nothing more can be saved there. Undo, or reset the stick.';
    case 'EFBIG':
      return 'That file is bigger than the stick’s filesystem allows for one file.';
    case 'ENOENT':
      return 'There is no file or folder with that name there.';
    case 'EEXIST':
      return 'Something with that name is already there. Choose another name.';
    case 'ENOTDIR':
      return 'That is a file, not a folder.';
    case 'EISDIR':
      return 'That is a folder, not a file.';
    case 'ENOTEMPTY':
      return 'That folder is not empty.';
    case 'EBUSY':
      return 'The running system is using that, so it cannot be changed now.';
    case 'ENODEV':
      return 'The stick is not running. Reboot it first.';
    case 'EXDEV':
      return 'That cannot be moved from one store to another.';
    case 'EACCES':
      return 'That passphrase does not open home.img.';
    case 'ENAMETOOLONG':
      return 'That name is too long.';
    case 'EPERM':
    case 'EINVAL':
      return 'That cannot be done here.';
  }
}
