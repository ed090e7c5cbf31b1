// A wtr plugin that runs the real `cellar bridge` process for the browser tests of the bridge client, with
// the same stand-in dmsetup/losetup/findmnt as the Node tests (test/helpers/bridgeProcess.ts, loaded
// through tsx). Commands:
//   bridge-start {outputs: {"dmsetup status": "…", …}} → {line}   the line the bridge printed
//   bridge-set-output {command, stdout}                            what a stand-in prints next
//   bridge-stop
import { tsImport } from 'tsx/esm/api';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function bridgePlugin() {
  /** @type {any} */
  let helpers = null;
  /** @type {any} */
  let standIns = null;
  /** @type {any} */
  let bridge = null;
  const stop = async () => {
    await bridge?.stop();
    standIns?.remove();
    bridge = standIns = null;
  };
  return {
    name: 'cellar-bridge',
    async serverStop() {
      await stop();
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('bridge-')) return undefined;
      helpers ??= await tsImport('../helpers/bridgeProcess.ts', import.meta.url);
      const options = /** @type {Record<string, any>} */ (payload ?? {});
      switch (command) {
        case 'bridge-start': {
          await stop();
          standIns = helpers.makeStandIns();
          for (const [name, stdout] of Object.entries(options.outputs ?? {}))
            standIns.setOutput(name, stdout);
          bridge = await helpers.startBridgeProcess(['--live-dir', standIns.liveOs, '--interval-ms', '200'], {
            ...process.env,
            PATH: helpers.pathWith(standIns.bin),
          });
          return { line: bridge.stdout() };
        }
        case 'bridge-set-output':
          standIns.setOutput(options.command, options.stdout);
          return true;
        case 'bridge-stop':
          await stop();
          return true;
        default:
          return undefined;
      }
    },
  };
}
