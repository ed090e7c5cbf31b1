// An Emitter that counts emit() calls, to show that a store builds no event when nobody listens.

import { Emitter } from '../../../src/model/events';

export class CountingEmitter<Events extends object> extends Emitter<Events> {
  emitted = 0;

  override emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    this.emitted++;
    super.emit(type, payload);
  }
}
