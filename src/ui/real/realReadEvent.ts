// The event each way of reading the learner's stick sends to the real-mode panel: a new reading, and the
// overlay file's table when the reading came from the file itself (for the real chunk map).

import type { OverlayInfo } from '../../model/dm/overlayFile';
import type { RealStick } from '../../real/realStick';

export interface RealRead {
  stick: RealStick;
  overlay: OverlayInfo | null;
}

export function realReadEvent(read: RealRead): CustomEvent<RealRead> {
  return new CustomEvent('cellar-real-read', { detail: read, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'cellar-real-read': CustomEvent<RealRead>;
  }
}
