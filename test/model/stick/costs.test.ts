// What a file operation costs, and where: the overlay for the root, home.img for /home, RAM for the tmpfs
// folders, the stick's own space for the device. The overlay never gives a chunk back; home.img and the
// others free what is deleted.

import { describe, expect, it } from 'vitest';
import { bootedStick, MIB, overlayChunks } from './makeStick';

describe('a 4 MiB file written to /', () => {
  it('costs its 1024 data chunks, a few more for metadata and the journal, and nothing on home', () => {
    const stick = bootedStick();
    const written = stick.writeFile('/var/big', 4 * MIB);
    expect(written.ok).toBe(true);
    // The kernel lab's 8 MiB abrt dump on the same kind of root cost 2077 chunks (f_liveos_4k).
    expect(written.costs.overlayChunks).toBeGreaterThan(1024);
    expect(written.costs.overlayChunks).toBeLessThanOrEqual(1024 * 1.03);
    expect(written.costs).toMatchObject({ homeBytes: 0, ramBytes: 0, deviceBytes: 0 });
  });

  it('frees no overlay when deleted: the delete itself costs chunks for its metadata', () => {
    const stick = bootedStick();
    stick.writeFile('/var/big', 4 * MIB);
    const before = overlayChunks(stick);
    const deleted = stick.deleteFile('/var/big');
    expect(deleted.ok).toBe(true);
    expect(deleted.costs.overlayChunks).toBeGreaterThanOrEqual(0);
    expect(overlayChunks(stick)).toBeGreaterThanOrEqual(before);
  });

  it('rewritten in place costs no more data chunks', () => {
    const stick = bootedStick();
    stick.writeFile('/var/big', 4 * MIB);
    const again = stick.overwriteFile('/var/big', 4 * MIB);
    expect(again.ok).toBe(true);
    expect(again.costs.overlayChunks).toBeLessThan(16);
  });
});

describe('the same file in /home', () => {
  it('costs home.img space and no overlay chunk', () => {
    const stick = bootedStick();
    const written = stick.writeFile('/home/liveuser/big', 4 * MIB);
    expect(written.ok).toBe(true);
    expect(written.costs.overlayChunks).toBe(0);
    expect(written.costs.homeBytes).toBeGreaterThanOrEqual(4 * MIB);
  });

  it('gives its space back inside home.img when deleted', () => {
    const stick = bootedStick();
    stick.writeFile('/home/liveuser/big', 4 * MIB);
    const used = stick.usage().home!.usedBytes;
    const deleted = stick.deleteFile('/home/liveuser/big');
    expect(deleted.costs).toMatchObject({ overlayChunks: 0, homeBytes: -4 * MIB });
    expect(stick.usage().home!.usedBytes).toBe(used - 4 * MIB);
  });

  it("never changes home.img's size on the stick", () => {
    const stick = bootedStick();
    const before = stick.usage();
    const written = stick.writeFile('/home/liveuser/big', 16 * MIB);
    stick.deleteFile('/home/liveuser/big');
    expect(written.costs.deviceBytes).toBe(0);
    expect(stick.usage().home!.fileBytes).toBe(64 * MIB);
    expect(stick.usage().device.usedBytes).toBe(before.device.usedBytes);
  });

  it('answers ENOSPC when home.img is full, and changes nothing', () => {
    const stick = bootedStick();
    const before = stick.usage().home!.usedBytes;
    const tooBig = stick.writeFile('/home/liveuser/huge', 80 * MIB);
    expect(tooBig).toMatchObject({ ok: false, error: 'ENOSPC', costs: { homeBytes: 0, overlayChunks: 0 } });
    expect(stick.usage().home!.usedBytes).toBe(before);
    expect(stick.stat('/home/liveuser/huge')).toEqual({ ok: false, error: 'ENOENT' });
  });
});

describe('RAM folders and the device', () => {
  it('charge /tmp to RAM by whole pages, and nothing to the overlay', () => {
    const stick = bootedStick();
    expect(stick.writeFile('/tmp/photo.jpg', 3_000_000).costs).toEqual({
      overlayChunks: 0,
      homeBytes: 0,
      ramBytes: 733 * 4096,
      deviceBytes: 0,
    });
  });

  it("charge the stick's own folder to the device by whole clusters, and free it on delete", () => {
    const stick = bootedStick();
    const cluster = stick.blockBytesAt('/mnt/live');
    const written = stick.writeFile('/mnt/live/video.ogv', 10 * MIB + 1);
    expect(written.costs).toMatchObject({ overlayChunks: 0, deviceBytes: 10 * MIB + cluster });
    expect(stick.deleteFile('/mnt/live/video.ogv').costs.deviceBytes).toBe(-(10 * MIB + cluster));
  });
});

describe('reading', () => {
  it('costs at most an inode rewrite and its journal copy (relatime), and a second read costs nothing', () => {
    const stick = bootedStick();
    const first = stick.readFile('/var/log/audit/audit.log');
    expect(first.ok).toBe(true);
    expect(first.costs.overlayChunks).toBeGreaterThan(0);
    expect(first.costs.overlayChunks).toBeLessThanOrEqual(8);
    expect(stick.readFile('/var/log/audit/audit.log').costs.overlayChunks).toBe(0);
  });
});

describe('writes left to the clock', () => {
  it("cost the overlay's data chunks only when ext4 writes them back, 30 s later", () => {
    const stick = bootedStick();
    const buffered = stick.writeFile('/var/later', 1 * MIB, { sync: false });
    expect(buffered.costs.overlayChunks).toBeLessThan(4);
    // The 5 s commit journals the new file's metadata; its data waits.
    expect(stick.advance(10_000).costs.overlayChunks).toBeLessThan(64);
    expect(stick.advance(30_000).costs.overlayChunks).toBeGreaterThanOrEqual(256);
    expect(stick.clockMs).toBe(40_000);
  });
});
