// One change in words for the live region: what the learner did, then what it cost where ("The overlay
// grew by 4 MiB, to 43 %."), then a failure's reason. Only stores that moved are named.

import { msg, str } from '@lit/localize';
import type { SessionChange } from '../../model/session/Session';
import type { StickUsage } from '../../model/stick/usageSummary';
import { SECTOR_BYTES } from '../../model/units';
import { formatBytes, percentOf } from '../format/sizes';
import { failureText } from './failureText';

export function describeChange(change: SessionChange): string {
  // A new or mirrored stick is another stick: comparing it with the old one would tell nothing.
  const anotherStick = change.action.type === 'new-stick' || change.action.type === 'mirror-stick';
  const moved = anotherStick ? [] : costs(change.before, change.after);
  const sentences = [actionDone(change), ...moved];
  // The installer's advice does not fit a mirror: the sizes were the learner's own stick's.
  if (!change.ok && change.action.type !== 'mirror-stick') sentences.push(failureText(change));
  if (change.ok && sentences.length === 1 && changesStore(change))
    sentences.push(msg('Nothing else changed.'));
  return sentences.filter(Boolean).join(' ');
}

function changesStore(change: SessionChange): boolean {
  return !['set-mode', 'undo', 'reset', 'new-stick', 'mirror-stick', 'tick'].includes(change.action.type);
}

function actionDone(change: SessionChange): string {
  const { action } = change;
  const failed = !change.ok;
  switch (action.type) {
    case 'write-file':
      return failed ? msg(str`Could not save ${name(action.path)}.`) : msg(str`Saved ${name(action.path)}.`);
    case 'delete':
      return failed
        ? msg(str`Could not delete ${name(action.path)}.`)
        : msg(str`Deleted ${name(action.path)}.`);
    case 'mkdir':
      return failed
        ? msg(str`Could not make ${name(action.path)}.`)
        : msg(str`Made the folder ${name(action.path)}.`);
    case 'move':
      return failed
        ? msg(str`Could not move ${name(action.fromPath)}.`)
        : msg(str`Moved ${name(action.fromPath)}.`);
    case 'install-activity':
      return failed
        ? msg(str`Could not install ${action.name}.`)
        : msg(str`Installed the Activity ${action.name}.`);
    case 'remove-activity':
      return failed
        ? msg(str`Could not remove ${action.name}.`)
        : msg(str`Removed the Activity ${action.name}.`);
    case 'save-journal-entry':
      return failed ? msg('Could not save the Journal entry.') : msg('Saved a Journal entry.');
    case 'reboot':
      return failed ? msg('The stick did not start again.') : msg('Rebooted.');
    case 'refresh-stick':
      return failed
        ? msg('The stick was not refreshed.')
        : msg('Refreshed: the changes are in a new squashfs.img, and the overlay starts again empty.');
    case 'reset-overlay':
      return failed
        ? msg('The overlay was not reset.')
        : msg('The overlay was reset: the changes kept in it are forgotten.');
    case 'advance':
      return msg('Time passed: the background programs wrote their logs.');
    case 'tick':
      return '';
    case 'move-to-ram':
      return failed
        ? msg(str`Could not move ${action.folder} to RAM.`)
        : msg(str`${action.folder} is in RAM now: what is saved there is lost at reboot.`);
    case 'new-stick':
      return failed ? msg('That stick cannot be made.') : msg('A new stick is ready.');
    case 'mirror-stick':
      return failed
        ? msg('Cellar cannot make a model of your stick from this reading.')
        : mirrorReady(change.after);
    case 'undo':
      return failed ? '' : msg('Undone.');
    case 'reset':
      return msg('Back to the stick as it was made.');
    case 'set-mode':
      return '';
    case 'terminal':
      return failed
        ? msg(str`The terminal ran ${action.line}, which failed.`)
        : msg(str`The terminal ran ${action.line}.`);
  }
}

/** The stores whose use changed, in words: overlay, home.img, RAM, the stick's free space. */
function costs(before: StickUsage, after: StickUsage): string[] {
  const out: string[] = [];
  const overlayBefore = before.overlay.allocatedSectors * SECTOR_BYTES;
  const overlayAfter = after.overlay.allocatedSectors * SECTOR_BYTES;
  const overlayPercent = percentOf(after.overlay.allocatedSectors, after.overlay.totalSectors);
  if (overlayAfter > overlayBefore) {
    out.push(
      msg(str`The overlay grew by ${formatBytes(overlayAfter - overlayBefore)}, to ${overlayPercent} %.`),
    );
  } else if (overlayAfter < overlayBefore) {
    out.push(msg(str`The overlay went back to ${overlayPercent} %.`));
  }
  if (before.overlay.state !== after.overlay.state) {
    if (after.overlay.state === 'Invalid') out.push(msg('The overlay broke: dmsetup says Invalid.'));
    if (after.overlay.state === 'Overflow') out.push(msg('The overlay is full: dmsetup says Overflow.'));
  }
  const homeBefore = before.home?.usedBytes ?? 0;
  const homeAfter = after.home?.usedBytes ?? 0;
  const homePercent = percentOf(homeAfter, after.home?.sizeBytes ?? 0);
  if (homeAfter > homeBefore) {
    out.push(msg(str`home.img: ${formatBytes(homeAfter - homeBefore)} more used, ${homePercent} %.`));
  } else if (homeAfter < homeBefore) {
    out.push(msg(str`home.img: ${formatBytes(homeBefore - homeAfter)} freed, ${homePercent} % used.`));
  }
  const ramBefore = before.ram.tmpfsUsedBytes;
  const ramAfter = after.ram.tmpfsUsedBytes;
  if (ramAfter > ramBefore) out.push(msg(str`RAM folders: ${formatBytes(ramAfter - ramBefore)} more.`));
  else if (ramAfter < ramBefore)
    out.push(msg(str`RAM folders: ${formatBytes(ramBefore - ramAfter)} emptied.`));
  const freeBefore = before.device.freeBytes;
  const freeAfter = after.device.freeBytes;
  if (freeAfter < freeBefore)
    out.push(msg(str`The stick's free space shrank by ${formatBytes(freeBefore - freeAfter)}.`));
  else if (freeAfter > freeBefore)
    out.push(msg(str`The stick's free space grew by ${formatBytes(freeAfter - freeBefore)}.`));
  return out;
}

/** The mirrored stick and how full its overlay is: a percentage, or its state when broken or full. */
function mirrorReady(after: StickUsage): string {
  const { state, allocatedSectors, totalSectors } = after.overlay;
  if (state === 'Invalid') return msg('A stick like yours is ready: its overlay is Invalid, as yours is.');
  if (state === 'Overflow')
    return msg('A stick like yours is ready: its overlay is full (Overflow), as yours is.');
  const percent = percentOf(allocatedSectors, totalSectors);
  return msg(str`A stick like yours is ready: its overlay is ${percent} % used.`);
}

function name(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
