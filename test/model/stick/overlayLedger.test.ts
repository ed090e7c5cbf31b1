// The overlay ledger on real sticks: every COW chunk charged to the folder, journal or metadata that caused
// it, the last operation's copies in order, kept across reboots and save/restore, and always as many
// entries as the store committed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverlayLedger } from '../../../src/model/stick/overlayLedger';
import { Stick } from '../../../src/model/stick/Stick';
import { forEachStoreException } from '../../../src/model/stick/storeExceptions';
import { makeStick, MIB } from './makeStick';

/** The data chunks live-rw's status line counts: allocated less header and metadata areas. */
function statusDataChunks(stick: Stick): number {
  const overlay = stick.usage().overlay;
  return (overlay.allocatedSectors - overlay.metadataSectors) / overlay.chunkSectors;
}

function chunksOf(ledger: OverlayLedger, owner: string): number {
  return ledger.spenders().find((s) => s.owner === owner)?.chunks ?? 0;
}

function followedStick(plan: Parameters<typeof makeStick>[0] = {}) {
  const stick = makeStick({ homeMib: null, ...plan });
  const ledger = OverlayLedger.follow(stick);
  expect(stick.boot().ok).toBe(true);
  return { stick, ledger };
}

describe.each(['soas-2012', 'fedora-today'] as const)('the overlay ledger (%s)', (era) => {
  it('charges a 10 MiB file in /home without home.img to /home/liveuser, with some journal and metadata', () => {
    const { stick, ledger } = followedStick({ era });
    const before = ledger.count;
    const outcome = stick.writeFile('/home/liveuser/video.ogv', 10 * MIB);
    expect(outcome.ok).toBe(true);
    expect(chunksOf(ledger, '/home/liveuser')).toBe((10 * MIB) / 4096);
    expect(chunksOf(ledger, 'journal')).toBeGreaterThan(0);
    expect(chunksOf(ledger, 'metadata')).toBeGreaterThan(0);
    expect(ledger.count).toBe(statusDataChunks(stick));
    expect(ledger.lastCopies).toMatchObject({ name: 'writeFile', path: '/home/liveuser/video.ogv' });
    expect(ledger.lastCopies!.from).toBe(before);
    expect(ledger.lastCopies!.to).toBe(ledger.count);
  });

  it('charges the journal its own first writes, and nothing outside the journal', () => {
    const { stick, ledger } = followedStick({ era });
    stick.writeFile('/var/log/messages', 200_000);
    const { root, target } = stick.liveOverlay()!;
    const blocksPerChunk = (target.chunkSectors * 512) / root!.layout.blockSizeBytes;
    const inJournal = (originChunk: number) =>
      root!.layout.journalExtents.some(
        ([first, count]) =>
          originChunk * blocksPerChunk >= first && originChunk * blocksPerChunk < first + count,
      );
    const entries = Array.from({ length: ledger.count }, (_, i) => ledger.entry(i));
    const journal = entries.filter((e) => e.owner === 'journal');
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.every((e) => inJournal(e.originChunk))).toBe(true);
    expect(entries.filter((e) => inJournal(e.originChunk)).every((e) => e.owner === 'journal')).toBe(true);
    // The boot's first journal write (mount, useradd) is among the boot's copies.
    const firstJournal = entries.findIndex((e) => e.owner === 'journal');
    expect(firstJournal).toBeLessThan(entries.findIndex((e) => e.owner === '/var/log'));
  });

  it("lists the last operation's copies in order, origin chunk to COW chunk, the COW chunks rising", () => {
    const { stick, ledger } = followedStick({ era });
    stick.writeFile('/var/log/a', 40_000);
    stick.writeFile('/etc/motd', 9000);
    const copies = ledger.lastCopies!;
    expect(copies.path).toBe('/etc/motd');
    const pairs = Array.from({ length: copies.to - copies.from }, (_, i) => ledger.entry(copies.from + i));
    expect(pairs.length).toBeGreaterThan(1);
    for (let i = 1; i < pairs.length; i++) expect(pairs[i]!.cowChunk).toBeGreaterThan(pairs[i - 1]!.cowChunk);
    expect(pairs.some((p) => p.owner === '/etc')).toBe(true);
    // An operation that copies nothing leaves the replay on the last one that did.
    stick.readFile('/etc/motd');
    stick.writeFile('/etc/motd', 9000);
    expect(ledger.lastCopies?.path ?? '/etc/motd').toBe('/etc/motd');
  });

  it('charges Activities to ~/Activities and the deepest named folder wins', () => {
    const { stick, ledger } = followedStick({ era });
    expect(stick.installActivity('Paint').ok).toBe(true);
    expect(chunksOf(ledger, '/home/liveuser/Activities')).toBeGreaterThan(0);
    expect(ledger.count).toBe(statusDataChunks(stick));
  });

  it('keeps its entries across a reboot (the persistent overlay keeps its chunks)', () => {
    const { stick, ledger } = followedStick({ era });
    stick.writeFile('/var/log/big', 2 * MIB);
    const spenders = ledger.spenders();
    stick.reboot();
    expect(ledger.count).toBe(statusDataChunks(stick));
    expect(chunksOf(ledger, '/var/log')).toBe(spenders.find((s) => s.owner === '/var/log')!.chunks);
  });

  it('starts again after --reset-overlay', () => {
    const { stick, ledger } = followedStick({ era });
    stick.writeFile('/var/log/big', 1 * MIB);
    stick.shutdown();
    expect(stick.resetOverlay().ok).toBe(true);
    expect(ledger.count).toBe(0);
    stick.boot();
    expect(ledger.count).toBe(statusDataChunks(stick));
    expect(chunksOf(ledger, '/var/log')).toBe(0);
  });

  it('comes back with the stick from its own document, or rebuilt from the store without it', () => {
    const { stick, ledger } = followedStick({ era });
    stick.writeFile('/home/liveuser/notes', 300_000);
    const restored = Stick.restore(JSON.parse(JSON.stringify(stick.save())));
    if (!restored.ok) throw new Error(restored.message);
    const again = OverlayLedger.follow(restored.stick, JSON.parse(JSON.stringify(ledger.save())));
    expect(again.spenders()).toEqual(ledger.spenders());
    expect(again.lastCopies).toEqual(ledger.lastCopies);
    again.stop();
    const rebuilt = OverlayLedger.follow(restored.stick);
    expect(rebuilt.count).toBe(ledger.count);
    expect(chunksOf(rebuilt, 'journal')).toBe(chunksOf(ledger, 'journal'));
    expect(chunksOf(rebuilt, 'earlier')).toBe(chunksOf(ledger, '/home/liveuser') + chunksOf(ledger, 'boot'));
    // Both continue with the stick.
    restored.stick.writeFile('/var/log/more', 50_000);
    expect(rebuilt.count).toBe(statusDataChunks(restored.stick));
  });
});

describe('the overlay ledger and the kinds of overlay', () => {
  it('follows a temporary overlay and forgets it at reboot', () => {
    const { stick, ledger } = followedStick({ overlayMib: null });
    expect(stick.usage().overlay.kind).toBe('temporary');
    stick.writeFile('/var/log/x', 100_000);
    expect(ledger.count).toBe(statusDataChunks(stick));
    expect(chunksOf(ledger, '/var/log')).toBeGreaterThan(0);
    stick.reboot();
    expect(ledger.count).toBe(statusDataChunks(stick));
    expect(chunksOf(ledger, '/var/log')).toBe(0);
  });

  it('holds what the store committed when the overlay overflows (PO)', () => {
    const { stick, ledger } = followedStick({ era: 'fedora-today', overlayMib: 4 });
    stick.writeFile('/var/log/flood', 8 * MIB);
    expect(stick.usage().overlay.state).toBe('Overflow');
    let committed = 0;
    forEachStoreException(stick.liveOverlay()!.target, () => committed++);
    expect(ledger.count).toBe(committed);
  });

  it('keeps what was copied before live-rw became Invalid (P), through the emergency boot after it', () => {
    const { stick, ledger } = followedStick({ era: 'soas-2012', overlayMib: 4 });
    stick.writeFile('/var/log/first', 1 * MIB);
    const before = ledger.save();
    // The flood's request could not be allocated whole: P abandons all of it, nothing more is committed.
    stick.writeFile('/var/log/flood', 8 * MIB);
    expect(stick.usage().overlay.state).toBe('Invalid');
    expect(ledger.save()).toEqual(before);
    const count = ledger.count;
    expect(chunksOf(ledger, '/var/log')).toBe(256);
    stick.reboot();
    expect(stick.power).toBe('emergency');
    expect(ledger.count).toBe(count);
  });

  it('always has as many entries as the store has exceptions (any operations, any reboots)', () => {
    const folders = ['/var/log', '/home/liveuser', '/etc', '/tmp', '/usr/share'];
    const op = fc.oneof(
      fc.record({ folder: fc.nat(folders.length - 1), name: fc.nat(2), bytes: fc.nat(600_000) }),
      fc.constant('reboot' as const),
      fc.constant('advance' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), fc.boolean(), (ops, deferred) => {
        const { stick, ledger } = followedStick({ overlayMib: 16 });
        for (const step of ops) {
          if (step === 'reboot') stick.reboot();
          else if (step === 'advance') stick.advance(31_000);
          else stick.writeFile(`${folders[step.folder]}/f${step.name}`, step.bytes, { sync: !deferred });
          if (stick.usage().overlay.state === 'Valid') expect(ledger.count).toBe(statusDataChunks(stick));
        }
      }),
      { numRuns: 15 },
    );
  });
});
