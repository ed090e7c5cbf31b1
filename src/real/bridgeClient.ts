// The browser's side of `cellar bridge`: read the address the learner pasted (the printed line or just its
// URL), then follow the bridge's Server-Sent Events. EventSource cannot send headers, so the token goes in
// the query, as the bridge expects. No UI here: the view words the states and validates the reports.

export interface BridgeAddress {
  /** http://127.0.0.1:PORT or http://localhost:PORT */
  origin: string;
  token: string;
}

export type BridgeAddressResult = { ok: true; address: BridgeAddress } | { ok: false; reason: string };

export type BridgeState = 'connecting' | 'connected' | 'lost';

export interface BridgeHandlers {
  /** Each report as the bridge sent it, parsed from JSON but not yet validated. */
  onReport(report: unknown): void;
  onState(state: BridgeState): void;
}

export interface BridgeConnection {
  close(): void;
}

const PRINTED_PREFIX = /^cellar bridge:\s*/i;
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** The bridge's address from what was pasted; a reason in English when it is not one. */
export function parseBridgeAddress(text: string): BridgeAddressResult {
  const pasted = text.trim().replace(PRINTED_PREFIX, '');
  if (pasted === '') return { ok: false, reason: 'Nothing was pasted.' };
  let url: URL;
  try {
    url = new URL(pasted);
  } catch {
    return { ok: false, reason: 'This is not a web address; paste the line the bridge printed.' };
  }
  if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')) {
    return {
      ok: false,
      reason:
        'The bridge only runs on this computer: the address must start with http://127.0.0.1: or http://localhost:.',
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'The address must not carry a user name or password.' };
  }
  if (url.port === '') return { ok: false, reason: 'The address has no port (the number after the colon).' };
  const token = url.searchParams.get('token');
  if (token === null || !TOKEN.test(token)) {
    return { ok: false, reason: 'The address has no token; paste the whole line, ending with ?token=….' };
  }
  return { ok: true, address: { origin: url.origin, token } };
}

/** Follows the bridge's /events until closed; the browser reconnects by itself after a loss. */
export function connectBridge(address: BridgeAddress, handlers: BridgeHandlers): BridgeConnection {
  const source = new EventSource(`${address.origin}/events?token=${encodeURIComponent(address.token)}`);
  let closed = false;
  const state = (next: BridgeState) => {
    if (!closed) handlers.onState(next);
  };
  state('connecting');
  source.onopen = () => state('connected');
  source.onerror = () => state('lost');
  source.addEventListener('report', (event) => {
    if (closed) return;
    let report: unknown;
    try {
      report = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      // Not JSON: not a report this client can use; the next reading will do.
      return;
    }
    handlers.onReport(report);
  });
  return {
    close() {
      closed = true;
      source.close();
    },
  };
}
