// What each place data can live is called on screen, and the pattern that marks it besides its colour
// (the XO screen can run in greyscale, so colour is never the only cue).

import { msg } from '@lit/localize';
import type { StoreKind } from '../../model/stick/MountTable';

export function storeName(store: StoreKind): string {
  switch (store) {
    case 'overlay':
      return msg('overlay');
    case 'home':
      return msg('home.img');
    case 'ram':
      return msg('RAM');
    case 'device':
      return msg('stick space');
    case 'base-readonly':
      return msg('read-only');
  }
}

/** One sentence on what saving in a store means, for a folder's label. */
export function storeMeaning(store: StoreKind): string {
  switch (store) {
    case 'overlay':
      return msg('costs overlay space, never given back');
    case 'home':
      return msg('costs home.img space, freed when you delete');
    case 'ram':
      return msg('costs RAM, lost at reboot');
    case 'device':
      return msg("costs the stick's free space");
    case 'base-readonly':
      return msg('read-only: nothing can be saved here now');
  }
}
