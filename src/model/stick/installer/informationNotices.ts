// Notices that report rather than decide: options that change nothing on the stick, --xo's
// companions its help warns against, the boot code written to the MBR, and the old install deleted.

import type { EraId } from '../eras';
import type { ScriptNotice } from './InstallPlan';
import type { InstallOptions } from './InstallRequest';
import { alreadySetUpText2012, alreadySetUpTextToday } from './scriptMessages';
import { ceilMib } from './sizes';

export function passThroughNotice(options: InstallOptions): ScriptNotice | undefined {
  const words = (options.passThrough ?? []).map(({ word, value }) =>
    value === undefined ? word : `${word} ${value}`,
  );
  if (words.length === 0) return undefined;
  return {
    code: 'no-storage-effect',
    scriptText: '',
    message: `${words.join(', ')}: ${words.length === 1 ? 'this changes' : 'these change'} nothing in the stick's storage, so the plan leaves ${words.length === 1 ? 'it' : 'them'} out.`,
  };
}

/** livecd-iso-to-disk --help: "Do not use the following options with --xo". The script does not check. */
export function xoConflictNotice(options: InstallOptions): ScriptNotice | undefined {
  if (!options.xo) return undefined;
  const named = [
    options.overlaySizeMib !== undefined ? '--overlay-size-mb' : '',
    options.homeSizeMib !== undefined ? '--home-size-mb' : '',
    options.deleteHome ? '--delete-home' : '',
    options.skipCompress === false ? '--compress' : '',
  ].filter((word) => word !== '');
  if (named.length === 0) return undefined;
  return {
    code: 'xo-option-conflict',
    scriptText: '',
    message:
      `The script's help says not to use ${named.join(', ')} with --xo; it does not stop you. ` +
      'With --xo the overlay is reset at every boot (reset_overlay).',
  };
}

export function mbrNotice(disk: string, formatted: boolean): ScriptNotice {
  return {
    code: 'mbr-reset',
    scriptText: '',
    message: `${formatted ? 'After formatting, the' : 'The'} first 440 bytes of ${disk} get syslinux's boot code (mbr.bin), so a PC can start the stick.`,
  };
}

/** What the script says on finding an earlier install, which it deletes (keeping home.img unless told). */
export function alreadySetUpNotice(era: EraId, force: boolean, deletedHomeBytes: number): ScriptNotice {
  const homeDeleted = deletedHomeBytes > 0;
  const scriptText = force
    ? ''
    : era === 'soas-2012'
      ? alreadySetUpText2012(homeDeleted)
      : alreadySetUpTextToday('LiveOS', homeDeleted);
  return {
    code: homeDeleted ? 'home-deleted' : 'already-set-up',
    scriptText,
    message: homeDeleted
      ? `The stick already has a LiveOS install. The script deletes it, and its home.img (${ceilMib(deletedHomeBytes)} MiB of the learner's files) with it.`
      : 'The stick already has a LiveOS install. The script deletes it (keeping any home.img) before copying the new one.',
  };
}
