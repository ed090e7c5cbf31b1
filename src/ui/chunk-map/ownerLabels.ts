// What the views call each owner: folders by their path, the filesystem's own owners in words.

import { msg } from '@lit/localize';
import { BOOT_OWNER, EARLIER_OWNER, JOURNAL_OWNER, METADATA_OWNER } from '../../model/stick/overlayOwners';

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
    default:
      return owner;
  }
}
