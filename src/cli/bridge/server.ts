// The bridge's HTTP server on 127.0.0.1 only: the latest reading at /report, live readings over
// Server-Sent Events at /events, a short explanation at /. Every request passes the guard first.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CellarReport } from '../../real/report';
import { buildReport, sameReading } from './buildReport';
import { checkRequest } from './guard';

export interface BridgeOptions {
  port: number;
  token: string;
  /** Time between two readings. */
  intervalMs: number;
  liveOsFolders: readonly string[];
}

export interface RunningBridge {
  port: number;
  close(): Promise<void>;
}

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

const INDEX_PAGE = `Cellar bridge

This program reads your Sugar on a Stick (dmsetup, losetup, findmnt and the LiveOS folder) every few
seconds and shows the readings to Cellar on this computer only. It runs nothing else and changes nothing.

To use it: open Cellar, choose Real stick in the mode menu, paste the whole address this program printed
(the line starting with "Cellar bridge: http://127.0.0.1:") under "The bridge", and press Connect.

Without sudo, the dmsetup readings and the overlay file's header are missing; run it with sudo to see them.
`;

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  Vary: 'Origin',
};

function corsHeaders(origin: string | null): Record<string, string> {
  return origin === null ? {} : { 'Access-Control-Allow-Origin': origin };
}

const sseReport = (report: CellarReport) => `event: report\ndata: ${JSON.stringify(report)}\n\n`;

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  let latest = await buildReport(options.liveOsFolders);
  const streams = new Set<ServerResponse>();
  let port = options.port;

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const verdict = checkRequest(request, port, options.token);
    if (!verdict.ok) {
      const allow = verdict.status === 405 ? { Allow: 'GET, HEAD' } : {};
      response.writeHead(verdict.status, {
        ...COMMON_HEADERS,
        ...allow,
        'Content-Type': 'text/plain; charset=utf-8',
      });
      response.end(`${verdict.message}\n`);
      return;
    }
    const headers = { ...COMMON_HEADERS, ...corsHeaders(verdict.origin) };
    const head = request.method === 'HEAD';
    if (verdict.path === '/events') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8' });
      if (head) return void response.end();
      response.write(sseReport(latest));
      streams.add(response);
      response.on('close', () => streams.delete(response));
      return;
    }
    const [type, body] =
      verdict.path === '/report'
        ? ['application/json; charset=utf-8', `${JSON.stringify(latest)}\n`]
        : ['text/plain; charset=utf-8', INDEX_PAGE];
    response.writeHead(200, { ...headers, 'Content-Type': type });
    response.end(head ? undefined : body);
  }

  const server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Each reading starts once the last one ended, so a slow dmsetup never piles readings up.
  const poll = async () => {
    const next = await buildReport(options.liveOsFolders);
    if (stopped) return;
    if (!sameReading(next, latest)) for (const stream of streams) stream.write(sseReport(next));
    latest = next;
    timer = setTimeout(() => void poll(), options.intervalMs);
  };
  timer = setTimeout(() => void poll(), options.intervalMs);
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);

  return {
    port,
    close: () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
