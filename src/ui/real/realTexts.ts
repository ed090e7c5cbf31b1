// What a reading of the learner's own stick says, in the learner's words: how it keeps its changes, what
// told Cellar so, what each number of its status line means, and which lines could not be read.

import { msg, str } from '@lit/localize';
import type { Evidence, OutputKind, ReadProblem, RealOverlayHeader, RealStick } from '../../real/realStick';
import { SECTOR_BYTES } from '../../model/units';
import { formatBytes, percentOf } from '../format/sizes';

export function persistenceText(stick: RealStick): string {
  switch (stick.persistence) {
    case 'persistent':
      return msg(
        'Persistence is on: your changes to the system are kept in the overlay file on the stick, and they use it up.',
      );
    case 'temporary':
      return msg(
        'No persistence: this stick keeps its changes in RAM, in a temporary overlay, and forgets them all when it shuts down.',
      );
    case 'overlayfs':
      return msg(
        'This stick keeps its changes with OverlayFS, as files in a folder: deleting a file you added gives its space back, and it never turns Invalid. The overlay gauge does not apply to it.',
      );
    case 'none':
      return msg(
        'This does not look like a live stick: there is no live-rw overlay, the system is on a disk.',
      );
    case 'unknown':
      return msg(
        'Not enough to tell how this stick keeps its changes. Paste what dmsetup status and dmsetup table print, together.',
      );
  }
}

export function eraText(stick: RealStick): string | null {
  switch (stick.era) {
    case 'soas-2012':
      return msg('The 2012 kind of overlay (P): when it is full, it breaks and shows Invalid.');
    case 'fedora-today':
      return msg(
        "Today's kind of overlay (PO): when it is full, it shows Overflow and the system turns read-only.",
      );
    case null:
      return null;
  }
}

export function evidenceText({ clue, text }: Evidence): string {
  switch (clue) {
    case 'snapshot-table':
      return msg(str`the table line of live-rw: ${text}`);
    case 'snapshot-status':
      return msg(str`the status line of live-rw: ${text}`);
    case 'overlay-file':
      return msg(str`the overlay file: ${text}`);
    case 'ram-overlay':
      return msg(str`an overlay in RAM: ${text}`);
    case 'overlayfs-mount':
      return msg(str`an OverlayFS mount: ${text}`);
    case 'kernel-cmdline':
      return msg(str`the boot options: ${text}`);
    case 'device-path':
      return msg(str`where the stick is mounted: ${text}`);
    case 'no-live-rw':
      return msg(str`no live-rw device: ${text}`);
  }
}

/** One sentence per number of the status line (and the chunk size, from the table line). */
export function numberTexts(stick: RealStick): string[] {
  const snapshot = stick.snapshot;
  const status = snapshot?.status;
  if (!snapshot || !status) return [];
  const texts: string[] = [];
  if (status.state === 'Valid') {
    const { sectorsAllocated: used, totalSectors: total } = status;
    texts.push(
      msg(
        str`${used} sectors used out of ${total}: ${percentOf(used, total)} %, ${formatBytes(used * SECTOR_BYTES)} of ${formatBytes(total * SECTOR_BYTES)}. This number only ever grows.`,
      ),
    );
    if (status.metadataSectors !== null) {
      texts.push(
        msg(
          str`${status.metadataSectors} of the used sectors hold the overlay's own bookkeeping: its header and the table of where each chunk went.`,
        ),
      );
    }
  } else if (status.state === 'Invalid') {
    texts.push(
      msg(
        'Invalid: this overlay filled up and the kernel stopped using it. Lesson 10, Rescue practice, shows how to get the stick working again.',
      ),
    );
  } else if (status.state === 'Overflow') {
    texts.push(
      msg(
        'Overflow: this overlay is full. The system is read-only until the overlay is reset or the stick refreshed.',
      ),
    );
  } else {
    texts.push(msg(str`The kernel says: ${status.state}.`));
  }
  if (snapshot.originSectors === null) {
    texts.push(
      msg(
        'The overlay file does not say how big the system under it is: dmsetup status on the stick shows that too.',
      ),
    );
  } else {
    const size = formatBytes(snapshot.originSectors * SECTOR_BYTES);
    texts.push(
      msg(str`${snapshot.originSectors} sectors (${size}) is the size of the system under the overlay.`),
    );
  }
  if (snapshot.chunkSectors !== null) {
    const chunk = formatBytes(snapshot.chunkSectors * SECTOR_BYTES);
    texts.push(
      msg(
        str`The overlay copies ${chunk} at a time (chunks of ${snapshot.chunkSectors} sectors): changing one byte of the system costs a whole chunk.`,
      ),
    );
  }
  return texts;
}

/** What each kind of output looks like, to say what a line that could not be read should have been. */
function expectedText(kind: OutputKind): string {
  switch (kind) {
    case 'dmsetup-status':
      return msg('a dmsetup status line, like live-rw: 0 13635584 snapshot 96/2464 16');
    case 'dmsetup-table':
      return msg('a dmsetup table line, like live-rw: 0 13635584 snapshot 7:1 7:2 PO 8');
    case 'dmsetup-ls':
      return msg('a dmsetup ls line, like live-rw (253:0)');
    case 'losetup':
      return msg('a losetup line, like /dev/loop1: [0801]:12 (/run/initramfs/live/LiveOS/squashfs.img)');
    case 'findmnt':
      return msg('what findmnt prints: a folder, a device, a filesystem type and options');
    case 'mount':
      return msg('a mount line, like /dev/mapper/live-rw on / type ext4 (rw,relatime)');
    case 'ls-l':
      return msg('an ls -l line, like -rw-r--r-- 1 root root 536870912 Mar 5 10:00 overlay-SOAS-1234');
    case 'cmdline':
      return msg('the boot options, like root=live:CDLABEL=SOAS rd.live.overlay=LABEL=SOAS');
    case 'report':
      return msg('the report the bridge or cellar-probe.sh prints, whole');
    case 'any':
      return msg('the output of one of the commands listed above');
  }
}

export function problemText(problem: ReadProblem): string {
  const expected = expectedText(problem.expected);
  if (problem.lineNumber === null) return msg(str`Could not be read: expected ${expected}.`);
  return msg(str`Line ${problem.lineNumber} could not be read. Expected ${expected}.`);
}

/** What the overlay file's header (read by the bridge or the probe) says of it. */
export function headerText({ verdict }: RealOverlayHeader): string {
  switch (verdict.kind) {
    case 'existing':
      return verdict.header.valid === 0
        ? msg(
            "The overlay file's header says the kernel marked it invalid: it filled up. Lesson 10, Rescue practice, shows how to get the stick working again.",
          )
        : msg(
            str`The overlay file's header says it is a working overlay, in chunks of ${verdict.header.chunkSectors} sectors.`,
          );
    case 'new':
      return msg(
        "The overlay file's header is all zeros: the kernel makes a new, empty overlay there when the stick starts.",
      );
    case 'refused':
      return msg('The overlay file does not start like an overlay: the kernel would refuse it.');
  }
}
