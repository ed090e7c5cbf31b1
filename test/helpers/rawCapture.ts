// The lab's annotated hex captures (test/fixtures/kernel/raw): the header bytes and every non-zero row of
// the metadata areas, with their byte offsets in the COW. `compareWithCow` lists every row that differs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KERNEL_DIR } from './golden';

interface Row {
  offsetBytes: number;
  bytes: number[];
}

function hexBytes(text: string): number[] {
  if (text.trim() === '00 x16') return new Array<number>(16).fill(0);
  return text
    .trim()
    .split(/\s+/)
    .slice(0, 16)
    .map((h) => parseInt(h, 16));
}

export function rawCaptureRows(path: string): Row[] {
  const rows: Row[] = [];
  let areaOffset = 0;
  for (const line of readFileSync(join(KERNEL_DIR, path), 'utf8').split('\n')) {
    const header = /^# COW chunk 0 \(header\), bytes 0-15: (.*)$/.exec(line);
    if (header) rows.push({ offsetBytes: 0, bytes: hexBytes(header[1]!) });
    const area = /byte offset (\d+)\)/.exec(line);
    if (area) areaOffset = Number(area[1]);
    const row = /^\s+(\d+): ((?:[0-9a-f]{2} ?){16}|00 x16)/.exec(line);
    if (row) rows.push({ offsetBytes: areaOffset + Number(row[1]) * 16, bytes: hexBytes(row[2]!) });
  }
  return rows;
}

export function compareWithCow(
  path: string,
  read: (offsetBytes: number, length: number) => Uint8Array,
): string[] {
  const rows = rawCaptureRows(path);
  if (rows.length < 2) return [`${path}: no rows read`];
  return rows
    .filter(({ offsetBytes, bytes }) => [...read(offsetBytes, 16)].join() !== bytes.join())
    .map(({ offsetBytes }) => `${path}: bytes at ${offsetBytes} differ`);
}
