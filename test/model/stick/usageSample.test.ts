// usageSample: one point of the usage plot, read from the stick's usage summary.

import { describe, expect, it } from 'vitest';
import { usageSample } from '../../../src/model/stick/usageSample';
import { bootedStick, MIB } from './makeStick';

describe('usageSample', () => {
  it('gives each store used and total bytes at the simulated time and step', () => {
    const stick = bootedStick();
    stick.advance(5000);
    stick.writeFile('/tmp/scratch', 3 * MIB);
    stick.writeFile('/home/liveuser/notes', 2 * MIB);
    const sample = usageSample(stick, 4);
    const usage = stick.usage();
    expect(sample).toEqual({
      timeMs: 5000,
      step: 4,
      overlayUsedBytes: usage.overlay.allocatedSectors * 512,
      overlayTotalBytes: 32 * MIB,
      homeUsedBytes: usage.home!.usedBytes,
      homeTotalBytes: usage.home!.sizeBytes,
      ramUsedBytes: 3 * MIB,
      ramTotalBytes: 1024 * MIB,
      deviceUsedBytes: usage.device.usedBytes,
      deviceTotalBytes: usage.device.capacityBytes,
    });
    expect(sample.homeUsedBytes).toBeGreaterThanOrEqual(2 * MIB);
  });

  it('counts a temporary overlay in RAM, and a stick without home.img as 0 of 0', () => {
    const stick = bootedStick({ overlayMib: null, homeMib: null });
    stick.writeFile('/var/log/x', 1 * MIB);
    const sample = usageSample(stick, 0);
    expect(sample.ramUsedBytes).toBe(stick.usage().ram.temporaryOverlayBytes);
    expect(sample.ramUsedBytes).toBe(sample.overlayUsedBytes);
    expect([sample.homeUsedBytes, sample.homeTotalBytes]).toEqual([0, 0]);
  });
});
