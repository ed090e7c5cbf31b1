// What the bridge refuses, checked before anything is served. The token proves the caller saw the printed
// address; the Host check stops DNS rebinding (a foreign name resolved to 127.0.0.1); the Origin check keeps
// other web pages out; only GET and HEAD on three exact paths, with no parameter but the token.
//
// Origins let in: none (curl, the bridge's own page opened directly), `null` (a file:// page: Sugarizer's
// app), http on a loopback name with any port (vite's dev server, `npm run preview`, the bridge's own page),
// and Sugar's `activity://<bundle id in lower case>` (sugar.md §8: WebKitGTK's origin for the activity).

import type { IncomingHttpHeaders } from 'node:http';
import { BUNDLE_ID } from '../../sugar/activityIdentity';
import { tokenMatches } from './token';

const BRIDGE_PATHS = ['/', '/report', '/events'] as const;
export type BridgePath = (typeof BRIDGE_PATHS)[number];

export type Verdict =
  | { ok: true; path: BridgePath; origin: string | null }
  | { ok: false; status: 400 | 401 | 403 | 404 | 405 | 421; message: string };

const LOOPBACK_ORIGIN = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/;
const SUGAR_ORIGIN = `activity://${BUNDLE_ID.toLowerCase()}`;

function originAllowed(origin: string | undefined): boolean {
  return origin === undefined || origin === 'null' || origin === SUGAR_ORIGIN || LOOPBACK_ORIGIN.test(origin);
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`].includes(host.toLowerCase());
}

const refuse = (status: Extract<Verdict, { ok: false }>['status'], message: string): Verdict => ({
  ok: false,
  status,
  message,
});

export function checkRequest(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  port: number,
  token: string,
): Verdict {
  const { method, url = '', headers } = request;
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'Only GET and HEAD: the bridge only reads.');
  if (!hostAllowed(headers.host, port)) {
    return refuse(421, `Ask for 127.0.0.1:${port} or localhost:${port}, not another host name.`);
  }
  const origin = headers.origin;
  if (!originAllowed(origin)) return refuse(403, 'This page may not read the bridge.');
  // The raw path, neither decoded nor normalised: /report/../x or /..%2f is simply not one of the three.
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!(BRIDGE_PATHS as readonly string[]).includes(path))
    return refuse(404, 'Not found: /, /report or /events.');
  const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
  const names = [...query.keys()];
  if (names.some((name) => name !== 'token') || names.length > 1) {
    return refuse(400, 'The only parameter is token, once.');
  }
  const given = query.get('token');
  if (given === null || !tokenMatches(given, token)) {
    return refuse(401, 'Missing or wrong token: paste the whole address the bridge printed.');
  }
  return { ok: true, path: path as BridgePath, origin: origin ?? null };
}
