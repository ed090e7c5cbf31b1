// parseBridgeAddress: what a learner pastes from the bridge's terminal, the line the real bridge prints
// included, and everything that must not pass (another host, https, no token, no port, not a URL).

import { describe, expect, it } from 'vitest';
import { parseBridgeAddress } from '../../src/real/bridgeClient';
import { makeStandIns, pathWith, startBridgeProcess } from '../helpers/bridgeProcess';

const TOKEN = 'bNXdNi7sth9e-vqkFvpRrFby26bfwnTf';

describe('parseBridgeAddress', () => {
  it('reads the line the real bridge prints', async () => {
    const standIns = makeStandIns();
    const bridge = await startBridgeProcess(['--live-dir', standIns.liveOs], {
      ...process.env,
      PATH: pathWith(standIns.bin),
    });
    try {
      expect(parseBridgeAddress(bridge.stdout())).toEqual({
        ok: true,
        address: { origin: `http://127.0.0.1:${bridge.port}`, token: bridge.token },
      });
    } finally {
      await bridge.stop();
      standIns.remove();
    }
  }, 20_000);

  it.each([
    [`Cellar bridge: http://127.0.0.1:47653/?token=${TOKEN}`, 'http://127.0.0.1:47653'],
    [`  http://127.0.0.1:47653/?token=${TOKEN}\n`, 'http://127.0.0.1:47653'],
    [`cellar bridge:http://localhost:5000/?token=${TOKEN}`, 'http://localhost:5000'],
    [`http://LOCALHOST:5000/events?token=${TOKEN}`, 'http://localhost:5000'],
  ])('accepts %j', (text, origin) => {
    expect(parseBridgeAddress(text)).toEqual({ ok: true, address: { origin, token: TOKEN } });
  });

  it.each([
    ['', /Nothing was pasted/],
    ['Cellar bridge:', /Nothing was pasted/],
    ['dmsetup status', /not a web address/],
    [`https://127.0.0.1:47653/?token=${TOKEN}`, /only runs on this computer/],
    [`http://evil.example:47653/?token=${TOKEN}`, /only runs on this computer/],
    [`http://127.0.0.1.evil.example:47653/?token=${TOKEN}`, /only runs on this computer/],
    [`http://192.168.1.5:47653/?token=${TOKEN}`, /only runs on this computer/],
    [`http://[::1]:47653/?token=${TOKEN}`, /only runs on this computer/],
    [`http://me:pw@127.0.0.1:47653/?token=${TOKEN}`, /user name or password/],
    [`http://127.0.0.1/?token=${TOKEN}`, /no port/],
    ['http://127.0.0.1:47653/', /no token/],
    ['http://127.0.0.1:47653/?token=', /no token/],
    ['http://127.0.0.1:47653/?token=a%22b', /no token/],
  ])('refuses %j with a reason', (text, reason) => {
    const result = parseBridgeAddress(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
