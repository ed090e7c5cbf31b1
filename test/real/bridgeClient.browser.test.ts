// connectBridge in real Chromium against the real `cellar bridge` process (started by bridgePlugin.mjs with
// stand-in dmsetup printing b_overflow_PO's recorded lines): the first report at once, the next when the
// stick changes, 'lost' for a wrong token or a stopped bridge, and nothing after close().
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  connectBridge,
  parseBridgeAddress,
  type BridgeAddress,
  type BridgeState,
} from '../../src/real/bridgeClient';
import type { CellarReport } from '../../src/real/report';

interface Step {
  status: string;
  table: string;
}

let steps: Step[];

async function startBridge(step: Step): Promise<BridgeAddress> {
  const { line } = await executeServerCommand<{ line: string }, unknown>('bridge-start', {
    outputs: {
      'dmsetup status': `live-rw: ${step.status}\n`,
      'dmsetup table': `live-rw: ${step.table}\n`,
      'dmsetup ls': 'live-rw\t(253:0)\n',
      'losetup -a': '',
      'findmnt -J': '{"filesystems": []}\n',
    },
  });
  const parsed = parseBridgeAddress(line);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.address;
}

/** Records what the client reports, and waits for what a test expects. */
function recorder() {
  const states: BridgeState[] = [];
  const reports: CellarReport[] = [];
  const until = async (done: () => boolean, what: string, timeoutMs = 4000) => {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      if (performance.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${states.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    states,
    reports,
    until,
    handlers: {
      onReport: (report: unknown) => reports.push(report as CellarReport),
      onState: (state: BridgeState) => states.push(state),
    },
  };
}

const statusOf = (report: CellarReport | undefined) => {
  const output = report?.outputs['dmsetup status'];
  return output?.ok ? output.stdout : null;
};

before(async () => {
  const response = await fetch('/test/fixtures/kernel/b_overflow_PO.json');
  steps = ((await response.json()) as { steps: Step[] }).steps;
});

after(() => executeServerCommand('bridge-stop'));

describe('connectBridge against the real bridge', () => {
  it('connects, gets the report at once, then each change, and nothing after close()', async () => {
    const address = await startBridge(steps[0]!);
    const seen = recorder();
    const connection = connectBridge(address, seen.handlers);
    expect(seen.states).to.deep.equal(['connecting']);
    await seen.until(() => seen.reports.length === 1, 'the first report');
    expect(seen.states).to.deep.equal(['connecting', 'connected']);
    expect(seen.reports[0]!.format).to.equal('cellar-report/v1');
    expect(statusOf(seen.reports[0])).to.equal(`live-rw: ${steps[0]!.status}\n`);

    await executeServerCommand('bridge-set-output', {
      command: 'dmsetup status',
      stdout: `live-rw: ${steps[2]!.status}\n`,
    });
    await seen.until(() => seen.reports.length === 2, 'the changed report');
    expect(statusOf(seen.reports[1])).to.equal(`live-rw: ${steps[2]!.status}\n`);

    connection.close();
    await executeServerCommand('bridge-set-output', {
      command: 'dmsetup status',
      stdout: `live-rw: ${steps[3]!.status}\n`,
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(seen.reports).to.have.length(2);
    expect(seen.states).to.deep.equal(['connecting', 'connected']);
  });

  it('is lost, with no report, when the token is wrong', async () => {
    const address = await startBridge(steps[0]!);
    const seen = recorder();
    const connection = connectBridge({ ...address, token: `${address.token}x` }, seen.handlers);
    await seen.until(() => seen.states.includes('lost'), "'lost'");
    connection.close();
    expect(seen.states).to.deep.equal(['connecting', 'lost']);
    expect(seen.reports).to.deep.equal([]);
  });

  it('is lost when the bridge stops', async () => {
    const address = await startBridge(steps[0]!);
    const seen = recorder();
    const connection = connectBridge(address, seen.handlers);
    await seen.until(() => seen.states.includes('connected'), "'connected'");
    await executeServerCommand('bridge-stop');
    await seen.until(() => seen.states.includes('lost'), "'lost'");
    connection.close();
    expect(seen.states.slice(0, 3)).to.deep.equal(['connecting', 'connected', 'lost']);
  });
});
