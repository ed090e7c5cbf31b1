// A failed change in a learner's words: what went wrong and, where there is one, what to try. The session
// answers only the kernel's code and the store it hit; the words are here so they can be translated. They
// never blame the learner.

import { msg } from '@lit/localize';
import type { SessionChange } from '../../model/session/Session';
import type { StoreKind } from '../../model/stick/MountTable';
import { stickChangeFailureText } from './stickChangeFailureText';

export function failureText(change: SessionChange): string {
  const stickChange = stickChangeFailureText(change);
  if (stickChange) return stickChange;
  switch (change.error) {
    case undefined:
      return '';
    case 'refused': // only a new stick is refused, and the setup form checked its sizes before
      return msg('The installer cannot make this stick. Try other sizes.');
    case 'nothing-to-undo':
      return msg('There is nothing to undo.');
    case 'ENOSPC':
      return noRoom(change.store);
    case 'EIO':
      return msg(
        'The overlay is full: the stick could not save that, and the system stopped writing. Undo, or start over.',
      );
    case 'EROFS':
      return msg(
        'The system is read-only now (the overlay filled up), so nothing more can be saved there. Undo, or start over.',
      );
    case 'EFBIG':
      return msg('That file is bigger than the stick’s filesystem allows for one file.');
    case 'ENOENT':
      return msg('There is no file or folder with that name there.');
    case 'EEXIST':
      return msg('Something with that name is already there. Choose another name.');
    case 'ENOTDIR':
      return msg('That is a file, not a folder.');
    case 'EISDIR':
      return msg('That is a folder, not a file.');
    case 'ENOTEMPTY':
      return msg('That folder is not empty.');
    case 'EBUSY':
      return msg('The running system is using that, so it cannot be changed now.');
    case 'ENODEV':
      return msg('The stick is not running. Reboot it first.');
    case 'EXDEV':
      return msg('That cannot be moved from one store to another.');
    case 'EACCES':
      return msg('That passphrase does not open home.img.');
    case 'ENAMETOOLONG':
      return msg('That name is too long.');
    case 'EPERM':
    case 'EINVAL':
      return msg('That cannot be done here.');
  }
}

/** No room: whole sentences per store, so each language can word the place its own way. */
function noRoom(store: StoreKind | undefined): string {
  const tryThis = msg('Delete something there, or choose a smaller file.');
  switch (store) {
    case 'overlay':
      return `${msg('There is no room left in the overlay.')} ${tryThis}`;
    case 'home':
      return `${msg('There is no room left in home.img.')} ${tryThis}`;
    case 'ram':
      return `${msg('There is no room left in the RAM folder.')} ${tryThis}`;
    case 'device':
      return `${msg('There is no room left in the stick’s free space.')} ${tryThis}`;
    case 'base-readonly':
      return `${msg('There is no room left in the read-only system.')} ${tryThis}`;
    case undefined:
      return msg('There is no room left. Delete something, or choose a smaller file.');
  }
}
