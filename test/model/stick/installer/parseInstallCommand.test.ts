// Reading typed command lines as each era's script reads its arguments, and the message (the
// script's own, and the learner's) for each word it cannot read.

import { describe, expect, it } from 'vitest';
import { CommandLineError, parseInstallCommand } from '../../../../src/model/stick/installer';
import type { EraId } from '../../../../src/model/stick/eras';

function failure(line: string, era: EraId): CommandLineError {
  try {
    parseInstallCommand(line, era);
  } catch (error) {
    if (error instanceof CommandLineError) return error;
    throw error;
  }
  return expect.fail(`expected ${line} to be refused`);
}

const USAGE_2012 = `
    SYNTAX

    livecd-iso-to-disk [--help] [--noverify] [--format] [--msdos] [--reset-mbr]
                       [--efi] [--skipcopy] [--force] [--xo] [--xo-no-home]
                       [--timeout <time>] [--totaltimeout <time>]
                       [--extra-kernel-args <args>] [--multi] [--livedir <dir>]
                       [--compress] [--skipcompress] [--swap-size-mb <size>]
                       [--overlay-size-mb <size>] [--home-size-mb <size>]
                       [--delete-home] [--crypted-home] [--unencrypted-home]
                       <source> <target device>

    (Enter livecd-iso-to-disk --help on the command line for more information.)
`;

describe('reading a command line', () => {
  it('reads the wiki’s example into options, source and target', () => {
    const command = parseInstallCommand(
      './livecd-iso-to-disk --reset-mbr --overlay-size-mb 300 --home-size-mb 200 --delete-home --unencrypted-home /path/to/source/iso/or/device /dev/sdb1',
      'soas-2012',
    );
    expect(command).toEqual({
      program: './livecd-iso-to-disk',
      options: {
        resetMbr: true,
        overlaySizeMib: 300,
        homeSizeMib: 200,
        deleteHome: true,
        cryptedHome: false,
      },
      source: '/path/to/source/iso/or/device',
      target: '/dev/sdb1',
    });
  });

  it('drops sudo and a copied prompt, and joins lines continued with a backslash', () => {
    const command = parseInstallCommand(
      '# sudo livecd-iso-to-disk --reset-mbr \\\n  --overlay-size-mb 300 "My Downloads/SoaS.iso" /dev/sdb1',
      'fedora-today',
    );
    expect(command.options).toEqual({ resetMbr: true, overlaySizeMib: 300 });
    expect(command.source).toBe('My Downloads/SoaS.iso');
  });

  it('lets a later option undo an earlier one, as the script’s variables do', () => {
    expect(
      parseInstallCommand('livecd-iso-to-disk --xo --compress a /dev/sdb1', 'soas-2012').options,
    ).toEqual({
      xo: true,
      skipCompress: false,
    });
    expect(
      parseInstallCommand('livecd-iso-to-disk --copy-home --crypted-home a /dev/sdb1', 'fedora-today')
        .options,
    ).toEqual({
      copyHome: true,
      cryptedHome: true,
    });
    expect(
      parseInstallCommand(
        'livecd-iso-to-disk --overlay-size-mb 100 --overlay-size-mb 200 a /dev/sdb1',
        'soas-2012',
      ).options,
    ).toEqual({ overlaySizeMib: 200 });
  });

  it('keeps options that change nothing in storage, with their values', () => {
    expect(
      parseInstallCommand('livecd-iso-to-disk --noverify --timeout 50 a /dev/sdb1', 'fedora-today').options,
    ).toEqual({
      passThrough: [{ word: '--noverify' }, { word: '--timeout', value: '50' }],
    });
  });

  it('accepts 2012 sizes with leading zeros, which test -gt reads as decimal', () => {
    expect(
      parseInstallCommand('livecd-iso-to-disk --overlay-size-mb 0300 a /dev/sdb1', 'soas-2012').options,
    ).toEqual({
      overlaySizeMib: 300,
    });
  });
});

describe('--format', () => {
  it('is a switch in 2012, vfat only with --msdos', () => {
    expect(parseInstallCommand('livecd-iso-to-disk --format a /dev/sdb', 'soas-2012').options).toEqual({
      format: { filesystem: 'ext4' },
    });
    expect(
      parseInstallCommand('livecd-iso-to-disk --msdos --format a /dev/sdb', 'soas-2012').options,
    ).toEqual({
      format: { filesystem: 'vfat' },
    });
    expect(parseInstallCommand('livecd-iso-to-disk --msdos a /dev/sdb1', 'soas-2012').options).toEqual({
      passThrough: [{ word: '--msdos' }],
    });
  });

  it('takes an optional size and filesystem today', () => {
    const read = (line: string) =>
      parseInstallCommand(`livecd-iso-to-disk ${line} a /dev/sdb`, 'fedora-today').options;
    expect(read('--format --reset-mbr')).toEqual({ format: { filesystem: 'ext4' }, resetMbr: true });
    expect(read('--format vfat')).toEqual({ format: { filesystem: 'vfat' } });
    expect(read('--format 2000')).toEqual({ format: { filesystem: 'ext4', sizeMib: 2000 } });
    expect(read('--format 2000,vfat')).toEqual({ format: { filesystem: 'vfat', sizeMib: 2000 } });
    expect(read('--format --msdos')).toEqual({ format: { filesystem: 'vfat' } });
    expect(read('--msdos')).toEqual({ format: { filesystem: 'vfat' } });
  });

  it('reads the source as a filesystem type when --format comes last today, and says so', () => {
    const error = failure('livecd-iso-to-disk --format Fedora.iso /dev/sdb', 'fedora-today');
    expect(error.reason).toBe('bad-format');
    expect(error.word).toBe('Fedora.iso');
    expect(error.scriptText).toBe(
      '\n                ERROR:  < Fedora.iso > is not a supported filesystem type.\n\n' +
        '                Supported filesystems are fat|vfat|msdos, ext[432], btrfs, xfs, & f2fs.\n\n' +
        '                Please adjust this option.  Exiting...\n\n',
    );
    expect(error.message).toContain('--format ext4');
  });

  it('refuses a partition under 512 MiB with the script’s note', () => {
    const error = failure('livecd-iso-to-disk --format 500 a /dev/sdb', 'fedora-today');
    expect(error.scriptText).toBe(
      "\n                        NOTE: '500 MiB' may be small for an image partition.\n",
    );
  });

  it('leaves filesystems other than vfat and ext4 unmodelled', () => {
    expect(failure('livecd-iso-to-disk --format btrfs a /dev/sdb', 'fedora-today').reason).toBe(
      'not-modelled',
    );
  });
});

describe('words the script does not know', () => {
  it('refuses --reset-overlay in 2012 with the script’s "invalid arg" and its usage', () => {
    const error = failure('livecd-iso-to-disk --reset-overlay a /dev/sdb1', 'soas-2012');
    expect(error).toMatchObject({ reason: 'unknown-option', word: '--reset-overlay', code: 'EINVAL' });
    expect(error.scriptText).toBe('invalid arg -- --reset-overlay\n' + USAGE_2012);
    expect(error.message).toContain('the 2012 script does not have it');
  });

  it('refuses --copy-home in 2012 the same way', () => {
    expect(failure('livecd-iso-to-disk --copy-home a /dev/sdb1', 'soas-2012').scriptText).toBe(
      'invalid arg -- --copy-home\n' + USAGE_2012,
    );
  });

  it('prints the usage first today, and names the tool an option belongs to', () => {
    const error = failure('livecd-iso-to-disk --include /home a /dev/sdb1', 'fedora-today');
    expect(
      error.scriptText.endsWith(
        '    (Enter livecd-iso-to-disk --help on the command line for more information.)\ninvalid arg -- --include\n',
      ),
    ).toBe(true);
    expect(error.message).toContain('editliveos');
  });

  it('suggests the option meant by a near miss', () => {
    expect(failure('livecd-iso-to-disk --overlay-size 300 a /dev/sdb1', 'soas-2012').message).toContain(
      "Did you mean '--overlay-size-mb'?",
    );
  });

  it('spots a typographic dash copied from a web page', () => {
    expect(failure('livecd-iso-to-disk –reset-mbr a /dev/sdb1', 'soas-2012').message).toContain(
      "'--reset-mbr'",
    );
  });

  it('reads a misplaced source as an option in 2012', () => {
    const error = failure('livecd-iso-to-disk Fedora.iso --reset-mbr /dev/sdb1', 'soas-2012');
    expect(error.scriptText.startsWith('invalid arg -- Fedora.iso\n')).toBe(true);
    expect(error.message).toContain('every word but the last two');
  });

  it('stops at options after the target today', () => {
    const error = failure('livecd-iso-to-disk Fedora.iso /dev/sdb1 --reset-mbr', 'fedora-today');
    expect(error.reason).toBe('missing-argument');
    expect(error.word).toBe('--reset-mbr');
    expect(
      error.scriptText.endsWith('\n    ERROR:  At minimum, a source and a target must be specified.\n'),
    ).toBe(true);
  });
});

describe('numbers', () => {
  it('prints only the usage for a bad size in 2012', () => {
    const error = failure('livecd-iso-to-disk --overlay-size-mb abc a /dev/sdb1', 'soas-2012');
    expect(error).toMatchObject({ reason: 'bad-number', word: 'abc' });
    expect(error.scriptText).toBe(USAGE_2012);
    expect(error.message).toBe("--overlay-size-mb needs a whole number of MiB above 0, but got 'abc'.");
  });

  it('names the measure today', () => {
    expect(failure('livecd-iso-to-disk --home-size-mb 0 a /dev/sdb1', 'fedora-today').scriptText).toMatch(
      /\nERROR: '0' is not a valid integer for home\.\n\n$/,
    );
    expect(failure('livecd-iso-to-disk --timeout soon a /dev/sdb1', 'fedora-today').scriptText).toMatch(
      /ERROR: 'soon' is not a valid integer for --timeout\.\n\n$/,
    );
  });

  it('refuses a leading zero today', () => {
    expect(failure('livecd-iso-to-disk --overlay-size-mb 0300 a /dev/sdb1', 'fedora-today').reason).toBe(
      'bad-number',
    );
  });

  it('leaves a filesystem type after a size unmodelled', () => {
    const error = failure('livecd-iso-to-disk --home-size-mb 300,ext3 a /dev/sdb1', 'fedora-today');
    expect(error).toMatchObject({ reason: 'not-modelled', word: '300,ext3' });
  });
});

describe('lines that never reach the script', () => {
  it('refuses the wiki’s /dev/sd?1 placeholder', () => {
    const error = failure('livecd-iso-to-disk SoaS.iso /dev/sd?1', 'soas-2012');
    expect(error).toMatchObject({ reason: 'glob', word: '/dev/sd?1' });
    expect(error.message).toContain('/dev/sdb1');
  });

  it('names an unclosed quote', () => {
    expect(failure('livecd-iso-to-disk "My SoaS.iso /dev/sdb1', 'soas-2012')).toMatchObject({
      reason: 'unreadable',
      word: '"My',
    });
  });

  it('refuses pipes, separators and variables', () => {
    expect(failure('livecd-iso-to-disk a /dev/sdb1 | tee log', 'soas-2012')).toMatchObject({
      reason: 'shell-syntax',
      word: '|',
    });
    expect(failure('livecd-iso-to-disk a /dev/sdb1; reboot', 'soas-2012').word).toBe(';');
    expect(failure('livecd-iso-to-disk $ISO /dev/sdb1', 'soas-2012').word).toBe('$');
  });

  it('spots a non-breaking space', () => {
    expect(failure('livecd-iso-to-disk --reset-mbr\u00a0a b /dev/sdb1', 'soas-2012').reason).toBe(
      'unreadable',
    );
  });

  it('wants livecd-iso-to-disk first', () => {
    expect(failure('dd if=SoaS.iso of=/dev/sdb', 'soas-2012')).toMatchObject({
      reason: 'not-livecd-iso-to-disk',
      word: 'dd',
    });
    expect(failure('   ', 'soas-2012').reason).toBe('empty');
  });

  it('treats help as help', () => {
    expect(failure('livecd-iso-to-disk --help', 'soas-2012').reason).toBe('help');
    expect(failure('livecd-iso-to-disk -h a /dev/sdb1', 'fedora-today')).toMatchObject({
      reason: 'help',
      word: '-h',
    });
  });

  it('names options Cellar does not model', () => {
    expect(failure('livecd-iso-to-disk --skipcopy a /dev/sdb1', 'soas-2012')).toMatchObject({
      reason: 'not-modelled',
      word: '--skipcopy',
    });
    expect(failure('livecd-iso-to-disk --overlayfs a /dev/sdb1', 'fedora-today').reason).toBe('not-modelled');
  });

  it('asks for the source and target in 2012’s words', () => {
    expect(failure('livecd-iso-to-disk', 'soas-2012').scriptText).toBe('Missing source\n' + USAGE_2012);
    expect(failure('livecd-iso-to-disk SoaS.iso', 'soas-2012').scriptText).toBe(
      'Missing target device\n' + USAGE_2012,
    );
  });
});
