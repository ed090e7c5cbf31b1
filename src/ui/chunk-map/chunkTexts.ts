// The sentences the chunk map reads out: one chunk (or one cell of several), a replay step, the summary.

import { msg, str } from '@lit/localize';
import type { ChunkEntries } from './chunkMapSource';
import { cowChunkKind, type CowLayout } from './cowLayout';
import { ownerLabel } from './ownerLabels';

export function chunkText(layout: CowLayout, entries: ChunkEntries, chunk: number): string {
  const kind = cowChunkKind(layout, chunk);
  if (kind.kind === 'header') {
    return msg(str`COW chunk ${chunk}: the header (magic, valid flag, version, chunk size)`);
  }
  if (kind.kind === 'area') {
    return kind.area < layout.areas
      ? msg(
          str`COW chunk ${chunk}: metadata area ${kind.area}, recording the ${layout.epa} data chunks after it`,
        )
      : msg(str`COW chunk ${chunk}: place of metadata area ${kind.area}, started when the one before fills`);
  }
  const index = entries.indexOfCowChunk(chunk);
  if (index < 0) return msg(str`COW chunk ${chunk}: not handed out yet`);
  const entry = entries.entry(index);
  return msg(str`COW chunk ${chunk}: origin chunk ${entry.originChunk}, ${ownerLabel(entry.owner)}`);
}

/** A cell holding several chunks: its range, how many are handed out, and its first data chunk's story. */
export function cellText(layout: CowLayout, entries: ChunkEntries, first: number, end: number): string {
  if (end - first === 1) return chunkText(layout, entries, first);
  const used = entries.firstIndexFrom(end) - entries.firstIndexFrom(first);
  const detail = chunkText(layout, entries, first);
  return used === 1
    ? msg(str`COW chunks ${first}–${end - 1}: 1 data chunk handed out. ${detail}`)
    : msg(str`COW chunks ${first}–${end - 1}: ${used} data chunks handed out. ${detail}`);
}

export function stepText(entries: ChunkEntries, step: number, steps: number): string {
  const entry = entries.entry(entries.lastCopies!.from + step);
  return msg(
    str`Copy ${step + 1} of ${steps}: origin chunk ${entry.originChunk} → COW chunk ${entry.cowChunk} (${ownerLabel(entry.owner)})`,
  );
}

export function summaryText(layout: CowLayout, dataChunks: number, chunksPerCell: number): string {
  const kib = layout.chunkBytes / 1024;
  const cells = chunksPerCell > 1 ? ' ' + msg(str`Each cell shows ${chunksPerCell} chunks.`) : '';
  if (layout.epa === null) {
    return (
      msg(
        str`Temporary overlay in RAM: ${dataChunks} data chunks of ${kib} KiB handed out; RAM holds ${layout.totalChunks} in all, though the sparse COW file has room for ${layout.fileChunks}. A transient store keeps no header or metadata areas, and everything is gone at the next boot.`,
      ) + cells
    );
  }
  const free = Math.max(0, layout.totalChunks - 1 - layout.areas - dataChunks);
  return (
    msg(
      str`COW file: ${layout.totalChunks} chunks of ${kib} KiB. Header: 1, metadata areas: ${layout.areas}, data chunks: ${dataChunks}, free: ${free}.`,
    ) + cells
  );
}

export function stateText(layout: CowLayout): string | null {
  switch (layout.state) {
    case 'Invalid':
      return msg(
        'live-rw is Invalid: the kernel marked the header invalid, so every read and write of the root fails. The chunks stay in the file, unreadable.',
      );
    case 'Overflow':
      return msg('live-rw overflowed: no chunk is left, so every write to the root fails; reads still work.');
    default:
      return null;
  }
}
