// Properties over random sticks, images and options (fast-check): a plan never holds more than the
// stick, nothing on vfat reaches 4 GiB, a plan's command line plans the same again, and the
// command-line reader throws nothing but its own error on any text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EraId } from '../../../../src/model/stick/eras';
import {
  CommandLineError,
  FAT_MAX_FILE_BYTES,
  formatInstallCommand,
  parseInstallCommand,
  planInstall,
  SOAS_2012_IMAGE,
  FEDORA_TODAY_IMAGE,
  type InstallOptions,
  type InstallRequest,
  type LiveImage,
  type StickDescription,
} from '../../../../src/model/stick/installer';
import { OPTION_TABLE } from '../../../../src/model/stick/installer/optionTable';
import { MIB } from './helpers';

const eraArb = fc.constantFrom<EraId>('soas-2012', 'fedora-today');
const sizeArb = fc.oneof(
  fc.integer({ min: 1, max: 600 }),
  fc.constantFrom(1, 2, 16, 17, 2047, 2048, 4095, 4096, 4097),
  fc.integer({ min: 1, max: 20_000 }),
);
const labelArb = fc.stringMatching(/^[A-Za-z0-9 _]{0,14}$/);
const share = (max: number) => fc.double({ min: 0, max, noNaN: true });

const stickArb: fc.Arbitrary<StickDescription> = fc
  .record({
    capacityMib: fc.oneof(fc.integer({ min: 4, max: 2048 }), fc.integer({ min: 4, max: 65_536 })),
    fsShare: fc.double({ min: 0.5, max: 1, noNaN: true }),
    filesystem: fc.constantFrom<'vfat' | 'ext4'>('vfat', 'ext4'),
    label: labelArb,
    uuid: fc.constantFrom('B6C4-2E19', '', '5a0c2f6e-1d2b-4c7e-9f10-2a6c3b8d4e51'),
    bootFlag: fc.boolean(),
    used: fc.tuple(share(0.33), share(0.33), share(0.33)),
    home: fc.option(fc.record({ share: share(0.5), encrypted: fc.boolean() }), { nil: undefined }),
    overlayShare: fc.option(share(0.5), { nil: undefined }),
  })
  .map((r) => {
    const filesystemMib = Math.max(1, Math.floor(r.capacityMib * r.fsShare));
    const liveOsMib = Math.floor(filesystemMib * r.used[0]);
    const cap = (mib: number) => (r.filesystem === 'vfat' ? Math.min(mib, 4095) : mib);
    const stick: StickDescription = {
      devicePath: '/dev/sdb',
      capacityMib: r.capacityMib,
      filesystem: r.filesystem,
      filesystemMib,
      label: r.label,
      uuid: r.uuid,
      bootFlag: r.bootFlag,
      liveOsMib,
      bootFilesMib: Math.floor(filesystemMib * r.used[1]),
      otherFilesMib: Math.floor(filesystemMib * r.used[2]),
    };
    const homeMib = r.home ? cap(Math.floor(liveOsMib * r.home.share)) : 0;
    if (r.home && homeMib > 0) stick.homeImg = { sizeMib: homeMib, encrypted: r.home.encrypted };
    if (r.overlayShare !== undefined) stick.overlayMib = cap(Math.floor(liveOsMib * r.overlayShare));
    return stick;
  });

const imageArb: fc.Arbitrary<LiveImage> = fc.record({
  name: fc.constant('SoaS.iso'),
  squashfsMib: fc.oneof(fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 6000 })),
  rootImageMib: fc.integer({ min: 1, max: 9000 }),
  osminMib: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  bootFilesMib: fc.integer({ min: 0, max: 300 }),
  efiBootImgMib: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  homeImg: fc.option(fc.record({ sizeMib: fc.integer({ min: 1, max: 3000 }), encrypted: fc.boolean() }), {
    nil: undefined,
  }),
  appendLine: fc.constantFrom(SOAS_2012_IMAGE.appendLine, FEDORA_TODAY_IMAGE.appendLine),
});

/** A few options at a time, so that most requests reach a plan rather than a refusal. */
const optionsArb: fc.Arbitrary<InstallOptions> = fc
  .array(
    fc.oneof(
      fc
        .record(
          {
            filesystem: fc.constantFrom<'vfat' | 'ext4'>('vfat', 'ext4'),
            sizeMib: fc.integer({ min: 512, max: 70_000 }),
          },
          { requiredKeys: ['filesystem'] },
        )
        .map((format): InstallOptions => ({ format })),
      fc.constant<InstallOptions>({ resetMbr: true }),
      fc.constant<InstallOptions>({ force: true }),
      fc.constant<InstallOptions>({ xo: true }),
      fc.constant<InstallOptions>({ xoNoHome: true }),
      fc.boolean().map((skipCompress): InstallOptions => ({ skipCompress })),
      labelArb.map((label): InstallOptions => ({ label })),
      sizeArb.map((overlaySizeMib): InstallOptions => ({ overlaySizeMib })),
      fc.constant<InstallOptions>({ resetOverlay: true }),
      sizeArb.map((homeSizeMib): InstallOptions => ({ homeSizeMib })),
      fc.constant<InstallOptions>({ copyHome: true }),
      fc.constant<InstallOptions>({ deleteHome: true }),
      fc.boolean().map((cryptedHome): InstallOptions => ({ cryptedHome })),
      sizeArb.map((swapSizeMib): InstallOptions => ({ swapSizeMib })),
      fc.constant<InstallOptions>({ noEsp: true }),
      fc.constantFrom('nomodeset', 'quiet 3').map((extraKernelArgs): InstallOptions => ({ extraKernelArgs })),
      fc
        .array(fc.constantFrom({ word: '--noverify' }, { word: '--timeout', value: '50' }), {
          minLength: 1,
          maxLength: 2,
        })
        .map((passThrough): InstallOptions => ({ passThrough })),
    ),
    { maxLength: 5 },
  )
  .map((parts) => Object.assign({}, ...parts) as InstallOptions);

const requestArb: fc.Arbitrary<InstallRequest> = fc.record({
  era: eraArb,
  stick: stickArb,
  image: imageArb,
  command: fc.record({
    program: fc.constantFrom('livecd-iso-to-disk', './livecd-iso-to-disk'),
    options: optionsArb,
    source: fc.constantFrom('SoaS.iso', 'My SoaS.iso', '/path/to/source/iso/or/device'),
    target: fc.constantFrom('/dev/sdb1', '/dev/sdb1', '/dev/sdb1', '/dev/sdb', '/dev/sdc1', '/dev/sdb2'),
  }),
});

describe('plans for random requests', () => {
  it('never hold more than the stick, nor a vfat file of 4 GiB', () => {
    let plans = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const outcome = planInstall(request);
        if (outcome.outcome !== 'planned') return;
        plans++;
        const capacityBytes = Math.round(request.stick.capacityMib * MIB);
        const filesBytes = outcome.files.reduce((sum, file) => sum + file.sizeBytes, 0);
        expect(outcome.usedBytes).toBe(outcome.otherFilesBytes + filesBytes);
        expect(outcome.freeBytes).toBe(outcome.filesystemBytes - outcome.usedBytes);
        expect(outcome.freeBytes).toBeGreaterThanOrEqual(0);
        expect(outcome.filesystemBytes).toBeLessThanOrEqual(capacityBytes);
        if (outcome.partitions) {
          expect(outcome.partitions.primaryBytes + outcome.partitions.espBytes).toBeLessThanOrEqual(
            capacityBytes,
          );
          expect(outcome.filesystemBytes).toBeLessThanOrEqual(outcome.partitions.primaryBytes);
        }
        for (const file of outcome.files) {
          expect(Number.isSafeInteger(file.sizeBytes) && file.sizeBytes >= 0).toBe(true);
          if (outcome.filesystem === 'vfat' && file.kind === 'file') {
            expect(file.sizeBytes).toBeLessThanOrEqual(FAT_MAX_FILE_BYTES);
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(plans).toBeGreaterThan(100);
  });

  it('plan the same again from their own command line', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const outcome = planInstall(request);
        if (outcome.outcome !== 'planned') return;
        const again = planInstall({
          ...request,
          command: parseInstallCommand(outcome.commandLine, request.era),
        });
        expect(again).toEqual(outcome);
      }),
      { numRuns: 1000 },
    );
  });
});

const WORDS = [
  ...new Set([...Object.keys(OPTION_TABLE['soas-2012']), ...Object.keys(OPTION_TABLE['fedora-today'])]),
  '300',
  '0',
  '0300',
  'abc',
  '4096',
  '2000,vfat',
  '300,ext3',
  'vfat',
  'ext4',
  'btrfs',
  '--',
  '-x',
  '–reset-mbr',
  'SoaS.iso',
  "'My SoaS.iso'",
  '"unclosed',
  '/dev/sdb1',
  '/dev/sdb',
  '/dev/sd?1',
  '\\',
  '|',
  '$HOME',
  '#',
  'sudo',
  '\u00a0',
];

function expectReadOrOwnError(line: string, era: EraId): void {
  try {
    const command = parseInstallCommand(line, era);
    expect(typeof command.source).toBe('string');
    expect(typeof command.target).toBe('string');
  } catch (error) {
    expect(error).toBeInstanceOf(CommandLineError);
    expect((error as CommandLineError).message.length).toBeGreaterThan(0);
  }
}

describe('the command-line reader', () => {
  it('throws nothing but CommandLineError on any text', () => {
    fc.assert(
      fc.property(eraArb, fc.string({ unit: 'binary', maxLength: 200 }), (era, text) => {
        expectReadOrOwnError(text, era);
        expectReadOrOwnError(`livecd-iso-to-disk ${text}`, era);
      }),
      { numRuns: 2000 },
    );
  });

  it('throws nothing but CommandLineError on any mix of option words, and reads back what it writes', () => {
    let read = 0;
    fc.assert(
      fc.property(eraArb, fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }), (era, words) => {
        const line = ['livecd-iso-to-disk', ...words].join(' ');
        expectReadOrOwnError(line, era);
        let command;
        try {
          command = parseInstallCommand(line, era);
        } catch {
          return;
        }
        read++;
        expect(parseInstallCommand(formatInstallCommand(command, era), era)).toEqual(command);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(50);
  });
});
