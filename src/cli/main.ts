// The `cellar` command line: one table of commands, each a thin layer over the model. Errors are one line,
// `cellar: <message>`; exit code 2 for usage mistakes, 1 for input that cannot be used.

import { parseArgs } from 'node:util';
import { CliError, usageError } from './CliError';
import { bridgeCommand, DEFAULT_BRIDGE_PORT } from './commands/bridge';
import { replayCommand } from './commands/replay';
import { statusOfCommand } from './commands/statusOf';

const USAGE = `Usage:
  cellar replay [--exceptions] SCENARIO.json
      Replay a cellar-scenario/v1 file on the model; print the cellar-replay/v1 answer.
      --exceptions   add each step's exception table ([old_chunk, new_chunk] pairs)
  cellar status-of OVERLAY_FILE --origin-sectors N [--chunk-sectors N]
      Print the dmsetup status line the kernel would show for this overlay file.
      --origin-sectors N   size of the origin (the root image) in 512-byte sectors
      --chunk-sectors N    chunk size assumed for a blank (all-zero) overlay (default 8)
  cellar bridge [--port N] [--live-dir DIR] [--interval-ms N]
      Serve this machine's stick readings to Cellar on 127.0.0.1 (read-only; Ctrl+C stops it). It prints
      one line, the address to paste into Cellar's Real stick mode. Run with sudo to read dmsetup too.
      --port N          port to listen on (default ${DEFAULT_BRIDGE_PORT}; 0: any free port)
      --live-dir DIR    the stick's LiveOS folder when it is mounted elsewhere (also for tests)
      --interval-ms N   time between readings (default 3000)
  cellar bridge --probe-script
      Print cellar-probe.sh, a shell script printing the same report for machines without Node.
  cellar help`;

interface Command {
  options: Record<string, { type: 'boolean' | 'string' }>;
  positionals: string[];
  /** The text to print, or null when the command printed its own (the bridge). */
  run(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<string | null>;
}

function wholeNumber(
  flag: string,
  value: string | boolean | undefined,
  required: boolean,
): number | undefined {
  if (value === undefined) {
    if (required) throw usageError(`missing --${flag} N`);
    return undefined;
  }
  if (
    typeof value !== 'string' ||
    !/^\d+$/.test(value) ||
    Number(value) < 1 ||
    !Number.isSafeInteger(Number(value))
  ) {
    throw usageError(`--${flag} takes a whole number of sectors, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const COMMANDS: Record<string, Command> = {
  replay: {
    options: { exceptions: { type: 'boolean' } },
    positionals: ['SCENARIO.json'],
    run: ([path], values) => replayCommand(path!, values.exceptions === true),
  },
  'status-of': {
    options: { 'origin-sectors': { type: 'string' }, 'chunk-sectors': { type: 'string' } },
    positionals: ['OVERLAY_FILE'],
    run: ([path], values) =>
      statusOfCommand(
        path!,
        wholeNumber('origin-sectors', values['origin-sectors'], true)!,
        wholeNumber('chunk-sectors', values['chunk-sectors'], false) ?? 8,
      ),
  },
  bridge: {
    options: {
      port: { type: 'string' },
      'live-dir': { type: 'string' },
      'interval-ms': { type: 'string' },
      'probe-script': { type: 'boolean' },
    },
    positionals: [],
    run: (_, values) =>
      bridgeCommand({
        port: values.port as string | undefined,
        liveDir: values['live-dir'] as string | undefined,
        intervalMs: values['interval-ms'] as string | undefined,
        probeScript: values['probe-script'] === true,
      }),
  },
  help: { options: {}, positionals: [], run: async () => USAGE },
};

async function dispatch(argv: string[]): Promise<string | null> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') return USAGE;
  const command = COMMANDS[name];
  if (!command) throw usageError(`unknown command "${name}" (try: cellar help)`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message.split('. ')[0]!);
  }
  const { positionals, values } = parsed;
  if (positionals.length < command.positionals.length) {
    throw usageError(
      `missing ${command.positionals[positionals.length]} (usage: cellar ${name} …; see cellar help)`,
    );
  }
  if (positionals.length > command.positionals.length) {
    throw usageError(`unexpected argument "${positionals[command.positionals.length]}"`);
  }
  return command.run(positionals, values);
}

/** Runs the CLI; returns the exit code. Output goes to stdout, the one-line error to stderr. */
export async function main(argv: string[]): Promise<number> {
  try {
    const output = await dispatch(argv);
    if (output !== null) process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`cellar: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`cellar: internal error: ${(error as Error).message}\n`);
    return 1;
  }
}
