// What the views call each owner: folders by their path, the filesystem's own owners in words, and the one
// owner of a real overlay file's data chunks.

import { msg } from '@lit/localize';
import { BOOT_OWNER, EARLIER_OWNER, JOURNAL_OWNER, METADATA_OWNER } from '../../model/stick/overlayOwners';
import { REAL_CHANGES_OWNER } from './overlayInfoSource';

export function ownerLabel(owner: string): string {
  switch (owner) {
    case JOURNAL_OWNER:
      return msg('ext4 journal');
    case METADATA_OWNER:
      return msg('filesystem metadata');
    case BOOT_OWNER:
      return msg('the boot (dracut, livesys)');
    case EARLIER_OWNER:
      return msg('copied before Cellar kept count');
    case REAL_CHANGES_OWNER:
      return msg('changes');
    default:
      return owner;
  }
}
