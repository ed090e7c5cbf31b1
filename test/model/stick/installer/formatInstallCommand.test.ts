// Writing options back as a command line: the wiki's order, quoting, each era's --format spelling,
// and reading it back to the same options.

import { describe, expect, it } from 'vitest';
import type { EraId } from '../../../../src/model/stick/eras';
import {
  formatInstallCommand,
  parseInstallCommand,
  shellQuote,
  type InstallCommand,
} from '../../../../src/model/stick/installer';

const command = (
  options: InstallCommand['options'],
  source = 'SoaS.iso',
  target = '/dev/sdb1',
): InstallCommand => ({
  program: 'livecd-iso-to-disk',
  options,
  source,
  target,
});

function roundTrip(line: string, era: EraId): void {
  const first = parseInstallCommand(line, era);
  const written = formatInstallCommand(first, era);
  expect(parseInstallCommand(written, era)).toEqual(first);
  expect(formatInstallCommand(parseInstallCommand(written, era), era)).toBe(written);
}

describe('formatInstallCommand', () => {
  it('writes options in the wiki’s order', () => {
    const options = {
      cryptedHome: false,
      deleteHome: true,
      homeSizeMib: 150,
      overlaySizeMib: 200,
      resetMbr: true,
    };
    expect(formatInstallCommand(command(options), 'soas-2012')).toBe(
      'livecd-iso-to-disk --reset-mbr --overlay-size-mb 200 --home-size-mb 150 --delete-home --unencrypted-home SoaS.iso /dev/sdb1',
    );
  });

  it('quotes words the shell would change', () => {
    expect(shellQuote('/dev/sdb1')).toBe('/dev/sdb1');
    expect(shellQuote('My SoaS.iso')).toBe("'My SoaS.iso'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
    expect(formatInstallCommand(command({ label: 'MY STICK' }, 'my iso.iso'), 'fedora-today')).toBe(
      "livecd-iso-to-disk --label 'MY STICK' 'my iso.iso' /dev/sdb1",
    );
  });

  it('spells --format as each era reads it', () => {
    expect(
      formatInstallCommand(command({ format: { filesystem: 'vfat' } }, 'a', '/dev/sdb'), 'soas-2012'),
    ).toBe('livecd-iso-to-disk --format --msdos a /dev/sdb');
    expect(
      formatInstallCommand(command({ format: { filesystem: 'ext4' } }, 'a', '/dev/sdb'), 'fedora-today'),
    ).toBe('livecd-iso-to-disk --format ext4 a /dev/sdb');
    expect(
      formatInstallCommand(
        command({ format: { filesystem: 'vfat', sizeMib: 2000 } }, 'a', '/dev/sdb'),
        'fedora-today',
      ),
    ).toBe('livecd-iso-to-disk --format 2000,vfat a /dev/sdb');
  });

  it('writes --xo alone for the skipcompress it implies, and --compress after it', () => {
    expect(formatInstallCommand(command({ xo: true, skipCompress: true }), 'soas-2012')).toBe(
      'livecd-iso-to-disk --xo SoaS.iso /dev/sdb1',
    );
    expect(formatInstallCommand(command({ xo: true, skipCompress: false }), 'soas-2012')).toBe(
      'livecd-iso-to-disk --xo --compress SoaS.iso /dev/sdb1',
    );
  });

  it('writes --copy-home without the unencrypted home it implies', () => {
    expect(formatInstallCommand(command({ copyHome: true, cryptedHome: false }), 'fedora-today')).toBe(
      'livecd-iso-to-disk --copy-home SoaS.iso /dev/sdb1',
    );
  });
});

describe('parse then format then parse', () => {
  it('gives the same options for the wiki’s lines and others', () => {
    roundTrip(
      './livecd-iso-to-disk --reset-mbr --overlay-size-mb 300 --home-size-mb 200 --delete-home --unencrypted-home /path/to/source/iso/or/device /dev/sdb1',
      'soas-2012',
    );
    roundTrip(
      'livecd-iso-to-disk --msdos --noverify --timeout 30 --xo --compress --swap-size-mb 64 a /dev/sdb1',
      'soas-2012',
    );
    roundTrip(
      "sudo livecd-iso-to-disk --format 2000,vfat --label 'Sugar Stick' --reset-overlay 'a b.iso' /dev/sdb",
      'fedora-today',
    );
    roundTrip(
      "livecd-iso-to-disk --force --copy-home --crypted-home --extra-kernel-args 'nomodeset 3' --ks ks.cfg --nomac a /dev/sdb1",
      'fedora-today',
    );
  });
});
