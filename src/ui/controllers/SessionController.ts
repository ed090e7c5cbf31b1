// Keeps a view in step with the session: subscribes to `changed` while the view is connected (and
// again when it is handed another session), asks for one re-render per change, and lets go on disconnect.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../../model/session/Session';

export class SessionController implements ReactiveController {
  private subscribed: Session | null = null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => Session | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    if (this.connected) this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = null;
  }

  private follow(): void {
    const session = this.session();
    if (session === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = session;
    this.unsubscribe = session ? session.events.on('changed', () => this.host.requestUpdate()) : null;
  }
}
