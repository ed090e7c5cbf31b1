// Why a refresh or a reset of the overlay was refused, in a learner's words. The model's codes mean
// something else here than for a file (EIO: an Invalid overlay cannot be read, not one that just filled
// up), so these two actions have their own sentences; null leaves the others to failureText.

import { msg } from '@lit/localize';
import type { SessionChange } from '../../model/session/Session';

export function stickChangeFailureText(change: SessionChange): string | null {
  const { action, error } = change;
  if (action.type !== 'refresh-stick' && action.type !== 'reset-overlay') return null;
  const refresh = action.type === 'refresh-stick';
  switch (error) {
    case 'ENOENT':
      return msg('This stick has no overlay file: its changes are kept in RAM, and a reboot forgets them.');
    case 'ENOSPC':
      return refresh
        ? msg(
            'The new squashfs.img does not fit in the stick’s free space: squashfs.img and the overlay are as they were.',
          )
        : msg('The stick is full: not even the zeros fit in the overlay file, so the overlay is as it was.');
    case 'EFBIG':
      return msg(
        'The new squashfs.img would be bigger than one file on this stick can be: squashfs.img and the overlay are as they were.',
      );
    case 'EIO':
      return refresh
        ? msg(
            'The overlay is Invalid: its changes cannot be read, so they cannot go into a new squashfs.img. Reset the overlay instead (its changes are lost).',
          )
        : null;
    default:
      return null;
  }
}
