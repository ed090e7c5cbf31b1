// Tab completion: command names, then paths from the machine's files.

import { describe, expect, it } from 'vitest';
import { complete, type CompletionSources } from '../../src/shell/complete';
import type { Entry } from '../../src/shell/machine';
import { Shell } from '../../src/shell/Shell';
import { bootedStick, makeStick } from '../model/stick/makeStick';

const FILES: Record<string, Entry[]> = {
  '/': [
    { name: 'media', kind: 'dir', sizeBytes: 0 },
    { name: 'mnt', kind: 'dir', sizeBytes: 0 },
  ],
  '/media/LIVE/LiveOS': [
    { name: 'home.img', kind: 'file', sizeBytes: 1 },
    { name: 'overlay-LIVE-B6C4-2E19', kind: 'file', sizeBytes: 1 },
    { name: 'osmin.img', kind: 'file', sizeBytes: 1 },
  ],
};

const SOURCES: CompletionSources = {
  commands: ['dd', 'df', 'dmsetup', 'du', 'losetup'],
  list: (folder) => FILES[folder] ?? null,
  cwd: '/',
  home: '/root',
};

describe('completing the command', () => {
  it('finishes a name only one command has, with a space', () => {
    expect(complete('los', SOURCES)).toEqual({ line: 'losetup ', candidates: [] });
  });

  it('lists the commands that fit when several do', () => {
    expect(complete('d', SOURCES)).toEqual({ line: 'd', candidates: ['dd', 'df', 'dmsetup', 'du'] });
  });

  it('completes the command after a pipe', () => {
    expect(complete("printf '\\x01' | d", SOURCES).candidates).toContain('dd');
  });
});

describe('completing a path', () => {
  it('adds a slash to a folder', () => {
    expect(complete('ls /me', SOURCES)).toEqual({ line: 'ls /media/', candidates: [] });
  });

  it('grows the word to what the names share, and lists them', () => {
    expect(complete('ls /media/LIVE/LiveOS/o', SOURCES)).toEqual({
      line: 'ls /media/LIVE/LiveOS/o',
      candidates: ['osmin.img', 'overlay-LIVE-B6C4-2E19'],
    });
  });

  it("completes after dd's of=", () => {
    expect(complete('dd of=/media/LIVE/LiveOS/ov', SOURCES).line).toBe(
      'dd of=/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19 ',
    );
  });

  it('leaves the word as it is when nothing fits', () => {
    expect(complete('ls /zz', SOURCES)).toEqual({ line: 'ls /zz', candidates: [] });
  });
});

describe("the shell's Tab reads the model", () => {
  it('on the running stick: the stick mount and its LiveOS files', () => {
    const shell = new Shell(bootedStick());
    expect(shell.complete('ls /mnt/live/LiveOS/squ').line).toBe('ls /mnt/live/LiveOS/squashfs.img ');
  });

  it('on the rescue machine: the stick under /media', () => {
    const shell = new Shell(makeStick());
    expect(shell.complete('losetup -f --show /media/LIVE/LiveOS/overlay').line).toBe(
      'losetup -f --show /media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19 ',
    );
  });
});
