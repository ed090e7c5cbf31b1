// An encrypted home.img (--crypted-home): the LUKS header's overhead, the passphrase livesys asks for at
// boot, a home.img left locked (then /home is the overlay's, and writing there costs overlay chunks), and
// unlocking it later.

import { describe, expect, it } from 'vitest';
import { LUKS_FORMAT } from '../../../src/model/stick/installer/luks';
import { Stick } from '../../../src/model/stick/Stick';
import { bootedStick, makeStick, MIB } from './makeStick';

const encrypted = { homeEncrypted: true, homePassphrase: 'sugar' } as const;

describe('an encrypted home.img', () => {
  for (const era of ['soas-2012', 'fedora-today'] as const) {
    it(`holds a filesystem smaller by its LUKS header (${era})`, () => {
      const header = LUKS_FORMAT[era].headerBytes;
      const crypted = makeStick({ era, homeMib: 64, ...encrypted }).usage().home!;
      // The same filesystem as an unencrypted home.img that is smaller by the header.
      const plain = makeStick({ era, homeMib: (64 * MIB - header) / MIB }).usage().home!;
      expect(crypted.luks).toEqual({ version: LUKS_FORMAT[era].version, headerBytes: header });
      expect(plain.luks).toBeNull();
      expect(crypted.fileBytes).toBe(64 * MIB);
      expect(crypted.sizeBytes).toBe(plain.sizeBytes);
      expect(crypted.usedBytes).toBe(plain.usedBytes);
      expect(makeStick({ era, homeMib: 64 }).usage().home!.sizeBytes).toBeGreaterThan(crypted.sizeBytes);
    });
  }

  it('is refused when the header leaves no room (16 MiB today), without a home.img, or with a stray passphrase', () => {
    const refuse = (plan: object) =>
      Stick.create({ era: 'fedora-today', capacityBytes: 512 * MIB, overlayMib: 32, homeMib: 16, ...plan });
    expect(refuse({ homeEncrypted: true })).toMatchObject({ ok: false, code: 'bad-plan' });
    expect(refuse({ homeEncrypted: true, homeMib: null })).toMatchObject({
      ok: false,
      message: 'an encrypted home needs a home.img (homeMib)',
    });
    expect(refuse({ homePassphrase: 'x' })).toMatchObject({ ok: false, code: 'bad-plan' });
    expect(refuse({ homeEncrypted: true, homeMib: 32, homePassphrase: '' })).toMatchObject({ ok: false });
  });

  it('stays locked at boot without its passphrase: /home is not mounted', () => {
    const stick = makeStick(encrypted);
    const booted = stick.boot();
    expect(booted).toMatchObject({ ok: true, home: 'locked' });
    expect(stick.mounts().some((m) => m.mountPoint === '/home')).toBe(false);
    expect(stick.usage().home!.state).toBe('locked');
    const texts = booted.log.map((l) => l.text);
    expect(texts).toContain('cryptsetup luksOpen /dev/loop5 EncHome');
    expect(texts).toContain('mount: special device /dev/mapper/EncHome does not exist');
    expect(stick.dmDevices().some((d) => d.name === 'EncHome')).toBe(false);
  });

  it('makes /home the overlay’s while locked, and whereIs says so', () => {
    const stick = bootedStick(encrypted);
    expect(stick.whereIs('/home/liveuser/essay.odt')).toMatchObject({
      ok: true,
      store: 'overlay',
      mountPoint: '/',
      homeLocked: true,
    });
    expect(stick.whereIs('/var/lib')).not.toHaveProperty('homeLocked');
  });

  it('charges writes to /home while locked to the overlay, not to home.img', () => {
    const stick = bootedStick(encrypted);
    const written = stick.writeFile('/home/liveuser/essay.odt', 1 * MIB);
    expect(written.ok).toBe(true);
    expect(written.costs.overlayChunks).toBeGreaterThanOrEqual(256);
    expect(written.costs.homeBytes).toBe(0);
  });

  it('mounts on /home when unlocked; what the overlay held there is hidden', () => {
    const stick = bootedStick(encrypted);
    stick.writeFile('/home/liveuser/essay.odt', 1 * MIB);
    const unlocked = stick.unlockHome('sugar');
    expect(unlocked.ok).toBe(true);
    expect(stick.whereIs('/home/liveuser/essay.odt')).toMatchObject({
      store: 'home',
      source: '/dev/mapper/EncHome',
    });
    expect(stick.stat('/home/liveuser/essay.odt')).toEqual({ ok: false, error: 'ENOENT' });
    const written = stick.writeFile('/home/liveuser/essay.odt', 1 * MIB);
    expect(written.costs).toMatchObject({ overlayChunks: 0 });
    expect(written.costs.homeBytes).toBeGreaterThanOrEqual(1 * MIB);
    expect(stick.dmsetupTable('EncHome')).toEqual([
      `0 ${(64 * MIB - 2 * MIB) / 512} crypt aes-cbc-essiv:sha256 ${'0'.repeat(64)} 0 7:5 4096`,
    ]);
    expect(stick.usage().home!.state).toBe('mounted');
  });

  it('refuses a wrong passphrase, a second unlock, and an unencrypted or stopped stick', () => {
    const stick = bootedStick(encrypted);
    expect(stick.unlockHome('soda')).toMatchObject({
      ok: false,
      error: 'EACCES',
      message: 'No key available with this passphrase.',
    });
    expect(stick.unlockHome('')).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(stick.unlockHome('sugar').ok).toBe(true);
    expect(stick.unlockHome('sugar')).toMatchObject({ ok: false, error: 'EBUSY' });
    expect(bootedStick().unlockHome('sugar')).toMatchObject({ ok: false, error: 'EINVAL' });
    expect(makeStick(encrypted).unlockHome('sugar')).toMatchObject({ ok: false, error: 'ENODEV' });
  });

  it('opens with any non-empty passphrase when the plan carries none', () => {
    const stick = bootedStick({ homeEncrypted: true });
    expect(stick.unlockHome('anything').ok).toBe(true);
  });

  it('is mounted at boot when the passphrase is typed at the prompt, and locked when it is wrong', () => {
    const stick = makeStick(encrypted);
    expect(stick.boot({ homePassphrase: 'sugar' }).home).toBe('mounted');
    expect(stick.whereIs('/home/liveuser')).toMatchObject({ store: 'home' });
    const wrong = stick.reboot({ homePassphrase: 'soda' });
    expect(wrong.home).toBe('locked');
    expect(wrong.log.map((l) => l.text)).toContain('No key available with this passphrase.');
  });

  it('keeps its files across reboots, behind the passphrase', () => {
    const stick = makeStick(encrypted);
    stick.boot({ homePassphrase: 'sugar' });
    stick.writeFile('/home/liveuser/essay.odt', 20_000);
    stick.reboot();
    expect(stick.stat('/home/liveuser/essay.odt')).toEqual({ ok: false, error: 'ENOENT' });
    stick.unlockHome('sugar');
    expect(stick.stat('/home/liveuser/essay.odt').ok).toBe(true);
  });
});
