// A real stick's reading drawn by the simulation's views: the gauge's figures and the status line come
// from the reading's own numbers, Invalid and Overflow are drawn full only when the file's size tells the
// size, and a stick without a dm-snapshot overlay has no gauge.

import { describe, expect, it } from 'vitest';
import { parseStatusLine } from '../../src/real/dmsetupParse';
import { emptyRealStick, type RealStick } from '../../src/real/realStick';
import { realOverlayUsage, realStatusLine, realUsageSample } from '../../src/real/realUsage';

function withStatus(line: string, fields: Partial<RealStick> = {}): RealStick {
  const parsed = parseStatusLine(line);
  return {
    ...emptyRealStick('paste'),
    persistence: 'persistent',
    snapshot: {
      name: 'live-rw',
      originSectors: parsed.length,
      status: parsed.snapshot!,
      store: 'PO',
      storeAsWritten: 'PO',
      chunkSectors: 8,
      originDevice: '7:2',
      cowDevice: '7:3',
    },
    ...fields,
  };
}

describe('realOverlayUsage', () => {
  it('takes the figures of a Valid line as they are, and prints the line back unchanged', () => {
    const stick = withStatus('live-rw: 0 262144 snapshot 10392/32768 56');
    expect(realOverlayUsage(stick)).toMatchObject({
      kind: 'persistent',
      state: 'Valid',
      allocatedSectors: 10392,
      totalSectors: 32768,
      metadataSectors: 56,
      inRam: false,
    });
    expect(realStatusLine(stick)).toBe('0 262144 snapshot 10392/32768 56');
  });

  it('keeps an old kernel line without the metadata figure as it was printed', () => {
    expect(realStatusLine(withStatus('0 262144 snapshot 10392/32768'))).toBe('0 262144 snapshot 10392/32768');
  });

  it('leaves the system size out, visibly, when the reading did not tell it (an overlay file)', () => {
    const stick = withStatus('0 262144 snapshot 10392/32768 56');
    const fromFile = { ...stick, snapshot: { ...stick.snapshot!, originSectors: null } };
    expect(realStatusLine(fromFile)).toBe('0 … snapshot 10392/32768 56');
  });

  it('draws Invalid full only when the overlay file tells its size', () => {
    const invalid = withStatus('0 262144 snapshot Invalid');
    expect(realOverlayUsage(invalid)).toBeNull();
    const withFile = {
      ...invalid,
      overlayFile: { path: '/mnt/live/LiveOS/overlay-SOAS-1', sizeBytes: 16 * 2 ** 20, allocatedBytes: null },
    };
    expect(realOverlayUsage(withFile)).toMatchObject({
      state: 'Invalid',
      allocatedSectors: 32768,
      totalSectors: 32768,
      fileBytes: 16 * 2 ** 20,
    });
  });

  it('marks a temporary overlay as in RAM with no file, and gives OverlayFS no gauge', () => {
    const temporary = withStatus('0 13635584 snapshot 4040/67108864 16', { persistence: 'temporary' });
    expect(realOverlayUsage(temporary)).toMatchObject({ kind: 'temporary', inRam: true, fileBytes: null });
    expect(realOverlayUsage({ ...temporary, persistence: 'overlayfs' })).toBeNull();
  });

  it('makes a plot point of the overlay alone', () => {
    const usage = realOverlayUsage(withStatus('0 262144 snapshot 10392/32768 56'))!;
    expect(realUsageSample(usage, 3000, 1)).toMatchObject({
      timeMs: 3000,
      step: 1,
      overlayUsedBytes: 10392 * 512,
      overlayTotalBytes: 32768 * 512,
      homeTotalBytes: 0,
    });
  });
});
