// A folder's cost as a small badge: the store's pattern, its name, and (in the tooltip and for screen
// readers) what saving there means.

import { html, svg } from 'lit';
import { msg, str } from '@lit/localize';
import type { StoreKind } from '../../model/stick/MountTable';
import { storeFill, type PictureStore } from '../format/storeLook';
import { storeMeaning, storeName } from '../format/storeNames';

const PICTURE_STORE: Record<StoreKind, PictureStore> = {
  overlay: 'overlay',
  home: 'home',
  ram: 'ram',
  device: 'free',
  'base-readonly': 'squashfs',
};

export function costBadge(store: StoreKind) {
  const meaning = storeMeaning(store);
  return html`<span class="badge" title=${meaning}
    ><svg viewBox="0 0 16 12" aria-hidden="true">
      ${svg`<rect width="16" height="12" fill=${storeFill(PICTURE_STORE[store])} stroke="#282828"></rect>`}</svg
    >${msg(str`costs ${storeName(store)}`)}<span class="visually-hidden">: ${meaning}</span></span
  >`;
}
