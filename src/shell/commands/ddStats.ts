// dd's closing lines as GNU coreutils prints them: "N+P records in/out", then the bytes copied — plain
// below 1000 bytes, else with SI and IEC sizes ("16777216 bytes (17 MB, 16 MiB) copied") — with the time
// taken and the speed. Cellar's time is simulated (a stick writes about 40 MB/s), never measured.

const SIMULATED_BYTES_PER_SECOND = 40e6;
/** What any copy costs before its first byte (opening, the first request). */
const START_SECONDS = 0.0003;

export interface Records {
  full: number;
  partial: number;
}

export function recordsOf(bytes: number, blockBytes: number): Records {
  return { full: Math.floor(bytes / blockBytes), partial: bytes % blockBytes === 0 ? 0 : 1 };
}

export function ddStats(recordsIn: Records, recordsOut: Records, bytes: number): string[] {
  const seconds = START_SECONDS + bytes / SIMULATED_BYTES_PER_SECOND;
  const copied =
    bytes < 1000
      ? `${bytes} ${bytes === 1 ? 'byte' : 'bytes'} copied`
      : `${bytes} bytes (${scaled(bytes, 1000, ['B', 'kB', 'MB', 'GB', 'TB'])}, ${scaled(bytes, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'])}) copied`;
  const rate =
    bytes === 0 ? '0.0 kB' : scaled(Math.max(bytes / seconds, 1000), 1000, ['B', 'kB', 'MB', 'GB', 'TB']);
  return [
    `${recordsIn.full}+${recordsIn.partial} records in`,
    `${recordsOut.full}+${recordsOut.partial} records out`,
    `${copied}, ${Number(seconds.toPrecision(6))} s, ${rate}/s`,
  ];
}

/** A size in the largest unit that keeps it under `base`: one decimal below 10, whole above, rounded. */
function scaled(value: number, base: number, units: string[]): string {
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} ${units[0]}`;
  const shown = value < 9.95 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}
