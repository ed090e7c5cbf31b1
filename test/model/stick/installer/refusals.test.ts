// Each of the script's refusals the planner models, with the script's exact words, and the rules
// around them that let an install through.

import { describe, expect, it } from 'vitest';
import { planInstall, SOAS_2012_IMAGE, FEDORA_TODAY_IMAGE } from '../../../../src/model/stick/installer';
import {
  bigStick,
  fileAt,
  installedSoasStick,
  makeStick,
  MIB,
  plan,
  refusal,
  refused,
  requestFor,
} from './helpers';

describe('the target device', () => {
  it('must exist: the simulated machine has only the stick', () => {
    expect(
      refusal('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdc1').scriptText.startsWith(
        '/dev/sdc1 is not a block device\n',
      ),
    ).toBe(true);
    const today = refusal('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb2');
    expect(today.code).toBe('not-a-block-device');
    expect(today.scriptText.endsWith("\n    ERROR:  '/dev/sdb2' is not a block device.\n")).toBe(true);
    expect(today.message).toContain('/dev/sdb1');
  });

  it('must be the partition without --format: 2012 finds no filesystem on the whole disk', () => {
    const result = refusal('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdb');
    expect(result.code).toBe('no-filesystem');
    expect(result.scriptText).toBe('Target filesystem (/dev/sdb:) must be vfat, ext[234] or btrfs\n');
  });

  it('must be the partition without --format: today suggests it', () => {
    expect(refusal('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb').scriptText).toBe(
      "\n        ALERT:\n        '/dev/sdb' is the disk device but not a partition on this device.\n" +
        '        Please designate the specific partition for loading the image.\n' +
        "        Perhaps you want '/dev/sdb1'.\n        Exiting...\n",
    );
  });

  it('must be the whole disk with today’s --format', () => {
    expect(refusal('fedora-today', 'livecd-iso-to-disk --format vfat SoaS.iso /dev/sdb1').scriptText).toBe(
      "\n        ALERT:\n                '/dev/sdb1' is a partition on this device.  The --format option\n" +
        '                applies to the whole disk and will remove all content on the\n' +
        "                device, '/dev/sdb'.\n\n" +
        '                Please designate a whole device path as your formatting target.\n' +
        '                Exiting...\n',
    );
  });

  it('must be marked bootable in 2012; today sets the flag itself', () => {
    const stick = makeStick({ bootFlag: false });
    expect(refusal('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', stick).scriptText).toBe(
      "Partition isn't marked bootable!\nYou can mark the partition as bootable with\n    # /sbin/parted /dev/sdb\n    (parted) toggle N boot\n    (parted) quit\n",
    );
    const today = plan('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', stick, SOAS_2012_IMAGE);
    expect(today.notices.find((n) => n.code === 'boot-flag-set')?.scriptText).toBe(
      '\n        NOTICE:\n        The partition is not marked bootable.\n\n        Attempting to set the boot flag now...\n\n' +
        "        Success!  '/dev/sdb1' is now a bootable partition.\n",
    );
  });

  it('must leave room for a partition when 2012 formats it', () => {
    const tiny = makeStick({ capacityMib: 2, filesystemMib: 1 });
    const result = refusal('soas-2012', 'livecd-iso-to-disk --format SoaS.iso /dev/sdb', tiny);
    expect(result.code).toBe('device-too-small');
    expect(result.scriptText).toBe("Your device isn't big enough to hold SoaS.iso\nIt is 1 MB too small\n");
    expect(result.notices[0].scriptText).toBe(
      'WARNING: THIS WILL DESTROY ANY DATA ON /dev/sdb!!!\nPress Enter to continue or ctrl-c to abort\n',
    );
  });
});

describe('an existing home.img', () => {
  const withHome = '--home-size-mb 100';

  it('needs --delete-home before a new one replaces it (2012)', () => {
    const result = refusal(
      'soas-2012',
      `livecd-iso-to-disk ${withHome} SoaS.iso /dev/sdb1`,
      installedSoasStick(),
    );
    expect(result.code).toBe('home-exists');
    expect(result.scriptText).toBe(
      'ERROR: Requested keeping existing /home and specified a size for /home\n' +
        "Please either don't specify a size or specify --delete-home\n",
    );
  });

  it('needs --delete-home before a new one replaces it (today)', () => {
    const result = refusal(
      'fedora-today',
      `livecd-iso-to-disk ${withHome} SoaS.iso /dev/sdb1`,
      installedSoasStick(),
      SOAS_2012_IMAGE,
    );
    expect(result.scriptText).toBe(
      '\n        ERROR:\n        The target has an existing home.img file and you requested that a new\n' +
        '        home.img be created.  To remove an existing home.img on the target,\n' +
        '        you must explicitly specify --delete-home as an installation option.\n\n' +
        '        Please adjust your home.img options.  Exiting...\n\n',
    );
  });

  it('is replaced with --force today, but not in 2012', () => {
    const line = `livecd-iso-to-disk --force ${withHome} --unencrypted-home SoaS.iso /dev/sdb1`;
    const today = plan('fedora-today', line, installedSoasStick(), SOAS_2012_IMAGE);
    expect(fileAt(today, 'LiveOS/home.img').sizeBytes).toBe(100 * MIB);
    expect(today.notices.find((n) => n.code === 'home-deleted')?.scriptText).toBe('');
    expect(refusal('soas-2012', line, installedSoasStick()).code).toBe('home-exists');
  });

  it('is kept, and counted as not freed, without a new size', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk --overlay-size-mb 100 SoaS.iso /dev/sdb1',
      installedSoasStick(),
    );
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({ allocation: 'kept', sizeBytes: 200 * MIB });
    expect(result.notices.find((n) => n.code === 'already-set-up')?.scriptText).toBe(
      'Already set up as live image.\nDeleting old OS in fifteen seconds...\n',
    );
  });

  it('is kept today too, after the script’s countdown', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --overlay-size-mb 100 SoaS.iso /dev/sdb1',
      installedSoasStick(),
      SOAS_2012_IMAGE,
    );
    expect(fileAt(result, 'LiveOS/home.img').allocation).toBe('kept');
    expect(result.notices.find((n) => n.code === 'already-set-up')?.scriptText).toBe(
      "\nThe 'LiveOS' directory is already set up with a LiveOS image.\n\n" +
        '                     Press Ctrl C if you wish to abort.\n' +
        '                  Deleting the old OS in 00  seconds.\n',
    );
  });

  it('is deleted with --delete-home alone, and the script warns', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk --delete-home SoaS.iso /dev/sdb1',
      installedSoasStick(),
    );
    expect(result.files.some((f) => f.role === 'home')).toBe(false);
    expect(result.notices.find((n) => n.code === 'home-deleted')?.scriptText).toBe(
      'Already set up as live image.\nWARNING: Persistent /home will be deleted!!!\nPress Enter to continue or ctrl-c to abort\n',
    );
  });
});

describe('encryption', () => {
  it('is on by default, under a 2 MiB LUKS1 header in 2012', () => {
    const result = plan('soas-2012', 'livecd-iso-to-disk --home-size-mb 100 SoaS.iso /dev/sdb1');
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({
      encrypted: true,
      luksHeaderBytes: 2 * MIB,
      innerFilesystemBytes: 98 * MIB,
      allocation: 'written',
    });
    expect(result.notices.map((n) => n.code)).toContain('passphrase-prompt');
  });

  it('puts a 16 MiB LUKS2 header in front today', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --home-size-mb 100 SoaS.iso /dev/sdb1',
      undefined,
      SOAS_2012_IMAGE,
    );
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({
      luksHeaderBytes: 16 * MIB,
      innerFilesystemBytes: 84 * MIB,
    });
  });

  it('leaves no room in a home.img no bigger than the header', () => {
    const result = refusal(
      'fedora-today',
      'livecd-iso-to-disk --home-size-mb 16 SoaS.iso /dev/sdb1',
      undefined,
      SOAS_2012_IMAGE,
    );
    expect(result.code).toBe('home-too-small-for-luks');
    expect(
      plan(
        'fedora-today',
        'livecd-iso-to-disk --home-size-mb 17 SoaS.iso /dev/sdb1',
        undefined,
        SOAS_2012_IMAGE,
      ),
    ).toBeTruthy();
    expect(refusal('soas-2012', 'livecd-iso-to-disk --home-size-mb 2 SoaS.iso /dev/sdb1').code).toBe(
      'home-too-small-for-luks',
    );
  });

  it('is off with --unencrypted-home, which fills the file with zeros on vfat', () => {
    const result = plan(
      'soas-2012',
      'livecd-iso-to-disk --home-size-mb 100 --unencrypted-home SoaS.iso /dev/sdb1',
    );
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({
      encrypted: false,
      innerFilesystemBytes: 100 * MIB,
    });
  });
});

describe('today’s --copy-home', () => {
  const clone = { ...SOAS_2012_IMAGE, name: 'SoaS-clone.iso', homeImg: { sizeMib: 120, encrypted: false } };

  it('needs a home.img on the image', () => {
    const result = refusal(
      'fedora-today',
      'livecd-iso-to-disk --copy-home SoaS.iso /dev/sdb1',
      undefined,
      SOAS_2012_IMAGE,
    );
    expect(result.code).toBe('no-home-on-image');
    expect(result.scriptText).toBe(
      '\n        ERROR:\n        There appears to be no persistent /home.img on the source.\n        Please check your inputs.  Exiting...\n',
    );
  });

  it('copies it, counts it in the space check, and turns encryption off', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --copy-home SoaS.iso /dev/sdb1',
      undefined,
      clone,
    );
    expect(fileAt(result, 'LiveOS/home.img')).toMatchObject({ sizeBytes: 120 * MIB, encrypted: false });
    expect(result.spaceCheck).toMatchObject({ copyHomeSizeBytes: 120 * MIB });
    expect(result.notices.map((n) => n.code)).not.toContain('home-encryption-carries-over');
  });

  it('happens on its own when the .iso carries a home.img, with the script’s notices', () => {
    const result = plan('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', undefined, clone);
    expect(fileAt(result, 'LiveOS/home.img').sizeBytes).toBe(120 * MIB);
    expect(result.notices.map((n) => n.code)).toEqual(
      expect.arrayContaining(['home-copied-from-image', 'home-encryption-carries-over']),
    );
    expect(result.spaceCheck).toMatchObject({ copyHomeSizeBytes: 0 });
  });

  it('cannot be combined with a new home', () => {
    const result = refusal(
      'fedora-today',
      'livecd-iso-to-disk --copy-home --home-size-mb 50 SoaS.iso /dev/sdb1',
      undefined,
      clone,
    );
    expect(result.code).toBe('copy-home-conflict');
    expect(result.scriptText).toBe(
      '\n        ERROR:\n        You requested a new home AND to copy one from the source.\n\n' +
        '        Please request only one of these options.  Exiting...\n',
    );
  });

  it('does not replace a home.img on the stick without --delete-home', () => {
    const stick = makeStick({ liveOsMib: 200, homeImg: { sizeMib: 100, encrypted: true } });
    expect(
      refusal('fedora-today', 'livecd-iso-to-disk --copy-home SoaS.iso /dev/sdb1', stick, clone).scriptText,
    ).toContain('The target has an existing home.img, and you requested that one from');
  });
});

describe('today’s --reset-overlay', () => {
  const stick = makeStick({ label: 'LIVE', liveOsMib: 700, overlayMib: 250, bootFilesMib: 21 });

  it('keeps the old overlay, renamed to the current label and UUID, and leaves it out of the space freed', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --reset-overlay SoaS.iso /dev/sdb1',
      stick,
      SOAS_2012_IMAGE,
    );
    expect(fileAt(result, 'LiveOS/overlay-LIVE-B6C4-2E19')).toMatchObject({
      sizeBytes: 250 * MIB,
      allocation: 'kept',
    });
    expect(result.spaceCheck).toMatchObject({ keptOverlaySizeBytes: 250 * MIB });
    expect(result.boot.appendLine).toContain('rd.live.overlay=UUID=B6C4-2E19');
  });

  it('does nothing, with a notice, when there is no overlay', () => {
    const result = plan(
      'fedora-today',
      'livecd-iso-to-disk --reset-overlay SoaS.iso /dev/sdb1',
      undefined,
      SOAS_2012_IMAGE,
    );
    expect(result.overlayFileName).toBeUndefined();
    expect(result.notices.find((n) => n.code === 'reset-overlay-not-found')?.scriptText).toBe(
      '\n        NOTICE:\n        A persistent overlay was not found on the target device to reset.\n\n' +
        '        Press Enter to continue, or Ctrl C to abort.\n',
    );
  });

  it('cannot be combined with a new overlay', () => {
    const result = refusal(
      'fedora-today',
      'livecd-iso-to-disk --reset-overlay --overlay-size-mb 100 SoaS.iso /dev/sdb1',
      stick,
      SOAS_2012_IMAGE,
    );
    expect(result.code).toBe('reset-and-new-overlay');
    expect(result.scriptText).toBe(
      '\n        ERROR:\n        You requested a new persistent overlay AND to reset the current one.\n\n' +
        '        Please select only one of these options.  Exiting...\n\n',
    );
  });
});

describe('requests built in code', () => {
  it('get the 2012 script’s unknown-option refusal for options it does not have', () => {
    const request = requestFor('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdb1');
    request.command.options.resetOverlay = true;
    const result = refused(planInstall(request));
    expect(result.code).toBe('unknown-option');
    expect(result.scriptText.startsWith('invalid arg -- --reset-overlay\n')).toBe(true);
  });

  it('get the bad-number refusal for sizes the script would not take', () => {
    const request = requestFor('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb1');
    request.command.options.overlaySizeMib = -5;
    expect(refused(planInstall(request))).toMatchObject({ code: 'bad-number' });
    request.command.options.overlaySizeMib = 2.5;
    expect(refused(planInstall(request)).scriptText).toMatch(
      /ERROR: '2\.5' is not a valid integer for ovl\./,
    );
  });

  it('throw a ModelError for a stick that cannot exist', () => {
    const request = requestFor(
      'soas-2012',
      'livecd-iso-to-disk SoaS.iso /dev/sdb1',
      makeStick({ otherFilesMib: 5000 }),
    );
    expect(() => planInstall(request)).toThrow('the stick holds more than its filesystem has room for');
  });
});

describe('images too big for vfat', () => {
  it('fail to copy in 2012, which does not check', () => {
    const image = { ...SOAS_2012_IMAGE, squashfsMib: 5000 };
    const result = refusal('soas-2012', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', bigStick(), image);
    expect(result).toMatchObject({ code: 'file-too-large', scriptText: '' });
    expect(result.message).toContain('File too large');
  });

  it('are refused today', () => {
    const image = { ...FEDORA_TODAY_IMAGE, squashfsMib: 4096 };
    expect(
      refusal('fedora-today', 'livecd-iso-to-disk Fedora.iso /dev/sdb1', bigStick(), image).scriptText,
    ).toBe(
      '\n        An image size greater than 4096 MiB is not suitable for a\n        VFAT-formatted partition.\n\nExiting...\n',
    );
  });
});

describe('the copy itself', () => {
  it('can still run out of space after the rounded check passes', () => {
    const stick = makeStick({ otherFilesMib: 0.99 });
    const result = refusal('soas-2012', 'livecd-iso-to-disk --overlay-size-mb 517 SoaS.iso /dev/sdb1', stick);
    expect(result.code).toBe('no-space-during-copy');
    expect(result.spaceCheck).toMatchObject({ totalRequestedMib: 950, spaceAvailableMib: 950, fits: true });
    expect(result.message).toContain('rounds sizes to whole MiB');
  });

  it('can run out of space today when the image’s home.img is copied without --copy-home', () => {
    const clone = { ...SOAS_2012_IMAGE, homeImg: { sizeMib: 600, encrypted: false } };
    const result = refusal('fedora-today', 'livecd-iso-to-disk SoaS.iso /dev/sdb1', undefined, clone);
    expect(result.code).toBe('no-space-during-copy');
    expect(result.spaceCheck).toMatchObject({ verdict: 'fits', copyHomeSizeBytes: 0 });
    expect(result.message).toContain("left out the image's 600 MiB home.img");
    expect(
      plan('fedora-today', 'livecd-iso-to-disk --copy-home SoaS.iso /dev/sdb1', undefined, {
        ...clone,
        homeImg: { sizeMib: 400, encrypted: false },
      }),
    ).toBeTruthy();
  });
});
