// Splits a tool's words into short flags (`-fy` → f, y), `--long` flags and operands, stopping at `--`,
// so each tool checks only the letters it knows and prints its own "invalid option" line for the rest.

export interface SplitArgs {
  flags: string[];
  long: string[];
  operands: string[];
}

export function splitArgs(args: readonly string[]): SplitArgs {
  const flags: string[] = [];
  const long: string[] = [];
  const operands: string[] = [];
  let onlyOperands = false;
  for (const arg of args) {
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) operands.push(arg);
    else if (arg === '--') onlyOperands = true;
    else if (arg.startsWith('--')) long.push(arg.slice(2));
    else flags.push(...arg.slice(1));
  }
  return { flags, long, operands };
}

/** The first flag not in `known`, if any. */
export function unknownFlag(flags: readonly string[], known: string): string | undefined {
  return flags.find((f) => !known.includes(f));
}
