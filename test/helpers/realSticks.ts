// Readings of real sticks for the real-mode tests, made with the real parsers, and sessions mirrored from
// them through mirrorPlan and the session's mirror-stick command.

import { ERA_DEFAULTS, sandboxPlan } from '../../src/model/session/sandboxPlan';
import { Session } from '../../src/model/session/Session';
import type { EraId } from '../../src/model/stick/eras';
import { parseStatusLine, parseTableLine } from '../../src/real/dmsetupParse';
import { mirrorPlan, type MirrorResult } from '../../src/real/mirror';
import { emptyRealStick, type RealFile, type RealStick } from '../../src/real/realStick';

const MIB = 1024 * 1024;

/** A pasted `dmsetup status` and `dmsetup table` of live-rw, read by the real parsers. */
export function pasted(status: string, table: string, more: Partial<RealStick> = {}): RealStick {
  const statusLine = parseStatusLine(status);
  const tableLine = parseTableLine(table);
  const store = tableLine.snapshot!.store;
  const era: EraId | null = store === 'PO' ? 'fedora-today' : store === 'P' ? 'soas-2012' : null;
  return {
    ...emptyRealStick('paste'),
    persistence: 'persistent',
    era,
    snapshot: {
      name: 'live-rw',
      originSectors: statusLine.length,
      status: statusLine.snapshot ?? null,
      store,
      storeAsWritten: tableLine.snapshot!.storeAsWritten,
      chunkSectors: tableLine.snapshot!.chunkSectors,
      originDevice: tableLine.snapshot!.origin,
      cowDevice: tableLine.snapshot!.cow,
    },
    ...more,
  };
}

export function planned(stick: RealStick): Extract<MirrorResult, { ok: true }> {
  const result = mirrorPlan(stick);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A session on the sandbox's stick of that era, then mirrored. */
export function mirrored(result: Extract<MirrorResult, { ok: true }>): Session {
  const start = sandboxPlan(ERA_DEFAULTS[result.choices.era]);
  if (!start.ok) throw new Error(start.message);
  const made = Session.create(start.plan);
  if (!made.ok) throw new Error(made.message);
  const { plan, usedSectors, state } = result;
  const change = made.session.apply({ type: 'mirror-stick', plan, usedSectors, state });
  if (!change.ok) throw new Error(change.message ?? change.error);
  return made.session;
}

/** The wiki's 2012 stick, read by the bridge: `p 8`, a 1 GiB overlay, home.img and /mnt/live on vfat. */
export function stick2012(): RealStick {
  const liveOs = '/mnt/live/LiveOS';
  const file = (name: string, mib: number): RealFile => ({
    path: `${liveOs}/${name}`,
    sizeBytes: mib * MIB,
    allocatedBytes: mib * MIB,
  });
  const overlayFile = file('overlay-LIVE-B6C4-2E19', 1024);
  const homeImage = file('home.img', 200);
  const squashfsImage = file('squashfs.img', 410);
  return pasted(
    'live-rw: 0 8388608 snapshot 523688/2097152 2048',
    'live-rw: 0 8388608 snapshot 7:1 7:2 p 8',
    {
      source: 'bridge',
      devicePath: '/mnt/live',
      overlayFile,
      homeImage,
      squashfsImage,
      files: [squashfsImage, file('osmin.img', 1), overlayFile, homeImage],
      mounts: [{ target: '/mnt/live', source: '/dev/sdb1', fstype: 'vfat', options: 'rw' }],
    },
  );
}

/**
 * Today's stick, read by the bridge: `PO 8`, livecd-iso-to-disk's largest overlay on vfat (4096 MiB asked,
 * 4 GiB − 512 bytes made), a 1 GiB home.img, /run/initramfs/live.
 */
export function stickToday(): RealStick {
  const liveOs = '/run/initramfs/live/LiveOS';
  const file = (name: string, bytes: number): RealFile => ({
    path: `${liveOs}/${name}`,
    sizeBytes: bytes,
    allocatedBytes: bytes,
  });
  const overlayFile = file('overlay-LIVE-B6C4-2E19', 4096 * MIB - 512);
  const homeImage = file('home.img', 1024 * MIB);
  const squashfsImage = file('squashfs.img', 1100 * MIB);
  return pasted(
    'live-rw: 0 12582912 snapshot 204816/8388607 816',
    'live-rw: 0 12582912 snapshot 253:0 7:2 PO 8',
    {
      source: 'bridge',
      devicePath: '/run/initramfs/live',
      overlayFile,
      homeImage,
      squashfsImage,
      files: [squashfsImage, overlayFile, homeImage],
      mounts: [{ target: '/run/initramfs/live', source: '/dev/sdb1', fstype: 'vfat', options: 'rw' }],
    },
  );
}
