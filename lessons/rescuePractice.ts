// Lesson 10: rescue practice. The learner fills a 2012 stick's overlay until the kernel marks it Invalid,
// then does the Sugar Labs wiki's recovery in the terminal, one command a step, on "another computer":
// the base and the overlay on loop devices, the header's valid byte set again, the overlay file made
// twice as big, the snapshot registered again, e2fsck (1: journal recovered, then 0: clean), and a boot.
// The scene cannot end Invalid itself (a scene's command that fails stops the lesson's start), so the
// learner's own write is what overflows it.

import { msg, str } from '@lit/localize';
import { typed } from '../src/lessons/conditions';
import type { Lesson } from '../src/lessons/lessonTypes';
import {
  overlayFileGrowthBytes,
  overlayInvalid,
  overlayMarkedValid,
  overlayWorking,
  statusFigures,
} from '../src/lessons/rescueConditions';
import type { SandboxChoices } from '../src/model/session/sandboxPlan';
import { SOAS_2012_IMAGE } from '../src/model/stick/installer';
import { formatBytes, percentOf } from '../src/ui/format/sizes';

const MIB = 1024 * 1024;
const SECTOR_BYTES = 512;
/** A small overlay, so one command fills it and the numbers stay short. */
const STICK: SandboxChoices = { era: 'soas-2012', stickGb: 1, overlayMib: 16, homeMib: 32 };
/** Every sandbox stick is labelled LIVE with the same UUID, so its overlay file has this name. */
const OVERLAY = '/media/LIVE/LiveOS/overlay-LIVE-B6C4-2E19';
/** The root image's size in sectors, as blockdev --getsz prints it (the wiki's 8388608). */
const ROOT_SECTORS = (SOAS_2012_IMAGE.rootImageMib * MIB) / SECTOR_BYTES;

/** The lines the hints give, exactly as a learner types them. */
export const RESCUE_LINES = {
  fill: 'dd if=/dev/zero of=/root/big.bin bs=1M count=16',
  poweroff: 'poweroff',
  mkdir: 'mkdir /mnt/sq',
  mount: 'mount /media/LIVE/LiveOS/squashfs.img /mnt/sq',
  base: 'losetup -r /dev/loop1 /mnt/sq/LiveOS/ext3fs.img',
  size: 'blockdev --getsz /dev/loop1',
  validByte: `printf '\\x01' | dd of=${OVERLAY} bs=1 count=1 seek=4 conv=notrunc`,
  grow: `dd if=/dev/zero of=${OVERLAY} bs=1M count=16 oflag=append conv=notrunc`,
  overlay: `losetup /dev/loop2 ${OVERLAY}`,
  create: `dmsetup create rescue --table "0 ${ROOT_SECTORS} snapshot 7:1 7:2 P 8"`,
  repair: 'e2fsck -f -y /dev/mapper/rescue',
  check: 'e2fsck -p /dev/mapper/rescue',
  remove: 'dmsetup remove rescue',
  reboot: 'reboot',
} as const;
const L = RESCUE_LINES;

const typeExactly = (line: string) => () => msg(str`Type exactly: ${line}`);

export const rescuePractice: Lesson = {
  id: 'rescue-practice',
  number: 10,
  title: () => msg('Rescue practice'),
  goal: () =>
    msg(
      'A full, Invalid overlay can be repaired on another computer, one command at a time, and made bigger.',
    ),
  minutes: 10,
  stick: STICK,
  scene: [
    { type: 'write-file', path: '/root/keep.bin', sizeBytes: MIB },
    { type: 'write-file', path: '/root/photos.bin', sizeBytes: 8 * MIB },
  ],
  steps: [
    {
      id: 'fill',
      instruction: () =>
        msg(
          str`This stick's overlay is already half full. Fill it to the end: in the terminal, type ${L.fill}`,
        ),
      done: overlayInvalid,
      hints: [() => msg('Saving a big file in the system folder with Files works too.'), typeExactly(L.fill)],
      explain: ({ change, lessonStart }) => {
        const { totalSectors, fileBytes } = change.after.overlay;
        const before = percentOf(lessonStart.overlay.allocatedSectors, totalSectors);
        return msg(
          str`The overlay was ${before} % full; now all its ${totalSectors} sectors (${formatBytes(fileBytes ?? 0)}) are used and the file could not be saved. The kernel marked the overlay Invalid: nothing can be read from it or saved to it, and the stick would not start again.`,
        );
      },
    },
    {
      id: 'power-off',
      instruction: () => msg(str`A stick cannot be repaired while it runs. Type ${L.poweroff}`),
      done: (facts) => typed(facts, /^poweroff$/),
      hints: [typeExactly(L.poweroff)],
      explain: ({ change }) =>
        msg(
          str`The stick is off and plugged into another computer: its files are in /media/LIVE. The overlay file is still ${formatBytes(change.after.overlay.fileBytes ?? 0)}, full of your changes. Nothing is lost yet.`,
        ),
    },
    {
      id: 'base',
      instruction: () =>
        msg(
          str`Open the system the overlay was built on. Type these three lines, one after the other: ${L.mkdir} then ${L.mount} then ${L.base}`,
        ),
      done: (facts) => typed(facts, /^losetup\b(?=.*\s-r\b)(?=.*\s\/dev\/loop1\b)(?=.*\/ext3fs\.img\b)/),
      onTheWay: (facts) => typed(facts, /^mkdir\s/) || typed(facts, /^mount\b.*\/squashfs\.img\b/),
      hints: [
        () => msg('A folder first, then open squashfs.img in it, then show ext3fs.img as /dev/loop1.'),
        typeExactly(L.mkdir),
        typeExactly(L.mount),
        typeExactly(L.base),
      ],
      explain: ({ change }) =>
        msg(
          str`squashfs.img takes ${formatBytes(change.after.device.images.squashfsBytes)} on the stick, packed small. Inside it, ext3fs.img is the system as it was made: the overlay only holds the changes on top of it. Now /dev/loop1 shows it, read-only (-r), so nothing can spoil it.`,
        ),
    },
    {
      id: 'size',
      instruction: () => msg(str`How big is that system, in sectors? Type ${L.size}`),
      done: (facts) => typed(facts, /^blockdev\b.*--getsz\s+\/dev\/loop1$/),
      hints: [typeExactly(L.size)],
      explain: ({ lessonStart }) => {
        const sectors = statusFigures(lessonStart.overlay.statusLine)?.originSectors ?? 0;
        return msg(
          str`${sectors} sectors of 512 bytes: ${formatBytes(sectors * SECTOR_BYTES)}. It is the same number dmsetup status showed on the running stick (0 ${sectors} snapshot …): the overlay covers the whole system. You will need this number soon.`,
        );
      },
    },
    {
      id: 'valid-byte',
      instruction: () =>
        msg(
          str`When the overlay filled, the kernel wrote 0 into byte 4 of its header: “do not trust me”. Write 1 there again: ${L.validByte}`,
        ),
      done: (facts, stick) =>
        typed(facts, /\|\s*dd\b(?=.*\sof=\S*overlay-)(?=.*\sseek=4\b)(?=.*\sconv=notrunc\b)/) &&
        overlayMarkedValid(stick),
      hints: [
        () => msg('Without conv=notrunc, dd would cut the file after byte 4: keep it in the line.'),
        typeExactly(L.validByte),
      ],
      explain: () =>
        msg(
          'dd copied 1 byte, the number 1, to byte 4 of the overlay file. The kernel will trust the overlay again. But it is still full: the next write would break it again.',
        ),
    },
    {
      id: 'grow',
      instruction: () => msg(str`Make the overlay twice as big, with zeros at its end: ${L.grow}`),
      done: (facts) =>
        typed(facts, /^dd\b(?=.*\sif=\/dev\/zero\b)(?=.*\soflag=append\b)/) &&
        overlayFileGrowthBytes(facts) > 0,
      hints: [
        () => msg('oflag=append adds at the end of the file, and conv=notrunc keeps what is already there.'),
        typeExactly(L.grow),
      ],
      explain: (facts) => {
        const grown = overlayFileGrowthBytes(facts);
        return msg(
          str`The overlay file grew from ${formatBytes(facts.change.before.overlay.fileBytes ?? 0)} to ${formatBytes(facts.change.after.overlay.fileBytes ?? 0)}: ${formatBytes(grown)} of zeros, room for ${grown / 4096} new chunks of 4 KiB. The stick paid for them from its free space.`,
        );
      },
    },
    {
      id: 'create',
      instruction: () =>
        msg(str`Put the overlay on top of the system again. Type ${L.overlay} and then ${L.create}`),
      done: (facts) => typed(facts, /^dmsetup\s+create\s+\S+\s+--table\b/),
      onTheWay: (facts) => typed(facts, /^losetup\b.*\s\/dev\/loop2\b/),
      hints: [
        () => msg('The overlay file must be /dev/loop2 first: that is the 7:2 in the table.'),
        typeExactly(L.overlay),
        typeExactly(L.create),
      ],
      explain: ({ change }) => {
        const line = change.action.type === 'terminal' ? change.action.line : '';
        const [, sectors, base, cow, store, chunk] =
          /["']0 (\d+) snapshot (\S+) (\S+) (\w+) (\d+)["']/.exec(line) ?? [];
        return msg(
          str`The table says: from sector 0, ${sectors ?? '?'} sectors of system; the system on ${base ?? '?'} (loop1), the changes on ${cow ?? '?'} (loop2); ${store ?? '?'} for a persistent overlay, kept on the stick; chunks of ${chunk ?? '?'} sectors (4 KiB). Type dmsetup status to see it read the overlay again.`,
        );
      },
    },
    {
      id: 'repair',
      instruction: () =>
        msg(
          str`Now repair the files on it. e2fsck checks a filesystem; -f -y means “check all, fix all”: ${L.repair}`,
        ),
      done: (facts) => typed(facts, /^e2fsck(?=.*\s-\w*f)(?=.*\s-\w*y).*\s\/dev\/mapper\/\S+$/, 1),
      hints: [
        () => msg('The name after /dev/mapper/ is the one you gave dmsetup create.'),
        typeExactly(L.repair),
      ],
      explain: ({ change }) => {
        const code = change.action.type === 'terminal' ? change.action.exitCode : 0;
        return msg(
          str`e2fsck ended with ${code}: “errors fixed”. It recovered the journal (the writes the system was in the middle of when the overlay filled) and corrected the counts of free space.`,
        );
      },
    },
    {
      id: 'check',
      instruction: () => msg(str`Check once more, the quick way: ${L.check}`),
      done: (facts) => typed(facts, /^e2fsck\s+-p\s+\/dev\/mapper\/\S+$/),
      hints: [typeExactly(L.check)],
      explain: ({ change }) => {
        const code = change.action.type === 'terminal' ? change.action.exitCode : 0;
        return msg(
          str`${code} this time: “clean”. Nothing is left to fix, so the files kept in the overlay are safe.`,
        );
      },
    },
    {
      id: 'boot',
      instruction: () =>
        msg(str`Hand the overlay back and start the stick: type ${L.remove} and then ${L.reboot}`),
      done: (facts) => typed(facts, /^reboot$/) && overlayWorking(facts.change.after),
      onTheWay: (facts) => typed(facts, /^dmsetup\s+remove\b/),
      hints: [typeExactly(L.remove), typeExactly(L.reboot)],
      explain: ({ change, lessonStart }) => {
        const { allocatedSectors, totalSectors } = change.after.overlay;
        return msg(
          str`The stick started again. Its overlay has ${totalSectors} sectors now, where it had ${lessonStart.overlay.totalSectors}, and ${allocatedSectors} of them are used (${percentOf(allocatedSectors, totalSectors)} %). Your files, like /root/keep.bin, are still there.`,
        );
      },
    },
  ],
};
