// `cellar bridge`: serve the learner's stick readings to Cellar on 127.0.0.1 until stopped (Ctrl+C). It
// prints exactly one line, the address with its token, and nothing else on stdout.

import { inputError, usageError } from '../CliError';
import { LIVE_OS_FOLDERS } from '../bridge/liveOsFolder';
import { probeScript } from '../bridge/probeScript';
import { startBridge } from '../bridge/server';
import { newToken } from '../bridge/token';

/** Documented in README.md; a port few programs use. */
export const DEFAULT_BRIDGE_PORT = 47653;
const DEFAULT_INTERVAL_MS = 3000;

export interface BridgeArguments {
  port?: string;
  intervalMs?: string;
  liveDir?: string;
  probeScript: boolean;
}

function integerIn(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw usageError(`--${flag} takes a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return number;
}

function stopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** Resolves with the probe script, or with null once the bridge has been stopped. */
export async function bridgeCommand(args: BridgeArguments): Promise<string | null> {
  if (args.probeScript) return (await probeScript()).replace(/\n$/, '');
  const port = args.port === undefined ? DEFAULT_BRIDGE_PORT : integerIn('port', args.port, 0, 65535);
  const intervalMs =
    args.intervalMs === undefined
      ? DEFAULT_INTERVAL_MS
      : integerIn('interval-ms', args.intervalMs, 100, 3_600_000);
  const token = newToken();
  let bridge;
  try {
    bridge = await startBridge({
      port,
      token,
      intervalMs,
      liveOsFolders: args.liveDir === undefined ? LIVE_OS_FOLDERS : [args.liveDir],
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') throw inputError(`port ${port} is in use; choose another with --port N`);
    throw inputError(`cannot listen on 127.0.0.1:${port}: ${message}`);
  }
  // Listening for Ctrl+C before the line is out: whoever reads it may stop the bridge at once.
  const stop = stopped();
  process.stdout.write(`Cellar bridge: http://127.0.0.1:${bridge.port}/?token=${token}\n`);
  await stop;
  await bridge.close();
  return null;
}
