// The kernel command line the installed stick boots with: the image's isolinux `append` line after the
// script's sed edits, read word by word.
//   2012: root=live:CDLABEL=… → root=live:UUID=…, rootfstype= the stick's filesystem, extra kernel
//         arguments after the initrd; with an overlay, overlay=UUID=… after `liveimg` and ro → rw.
//   today: the same root and rootfstype; extra arguments and rd.live.overlay=UUID=… after
//         rd.live.image; `ro` removed and `rw` put before rd.live.image for every live install.
// --xo also writes /boot/olpc.fth, whose boot arguments are the append line after the initrd, plus
// persistenthome=mtd0 (home on the XO's flash) when there is no home.img and no --xo-no-home, plus
// reset_overlay (which zeroes the overlay's start at every boot).

import type { EraId } from '../eras';
import type { BootConfig } from './InstallPlan';
import type { StickFilesystem } from './InstallRequest';

export interface BootInput {
  era: EraId;
  appendLine: string;
  filesystem: StickFilesystem;
  uuid: string;
  label: string;
  /** An overlay file the boot should use (a new one, or one kept by --reset-overlay). */
  overlay: boolean;
  extraKernelArgs?: string;
  xo: boolean;
  xoNoHome: boolean;
  /** LiveOS/home.img exists after the install. */
  homeAfterInstall: boolean;
}

function insertAfter(words: string[], match: (word: string) => boolean, inserted: string[]): string[] {
  const at = words.findIndex(match);
  return at < 0 ? words : [...words.slice(0, at + 1), ...inserted, ...words.slice(at + 1)];
}

/** Words in `a` that `b` lacks, counting repeats. */
function missingFrom(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((word) => {
    const at = left.indexOf(word);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

const isLiveFlag = (word: string): boolean => word === 'liveimg' || word === 'rd.live.image';

export function bootConfig(input: BootInput): BootConfig {
  const device =
    input.uuid !== '' ? `UUID=${input.uuid}` : `LABEL=${input.era === 'soas-2012' ? 'LIVE' : input.label}`;
  const original = input.appendLine.split(/\s+/).filter((word) => word !== '');
  const extra = (input.extraKernelArgs ?? '').split(/\s+/).filter((word) => word !== '');
  let words = original.map((word) => {
    if (word.startsWith('root=')) return `root=live:${device}`;
    if (word.startsWith('rootfstype=')) return `rootfstype=${input.filesystem}`;
    return word;
  });
  if (input.era === 'soas-2012') {
    words = insertAfter(words, (word) => /initrd.?\.img/.test(word), extra);
    if (input.overlay) {
      words = insertAfter(words, isLiveFlag, [`overlay=${device}`]);
      const ro = words.indexOf('ro');
      if (ro >= 0) words[ro] = 'rw';
    }
  } else {
    words = insertAfter(words, (word) => word === 'rd.live.image', extra);
    if (input.overlay) words = insertAfter(words, isLiveFlag, [`rd.live.overlay=${device}`]);
    words = words.filter((word) => word !== 'ro');
    const live = words.findIndex(isLiveFlag);
    if (live >= 0) words.splice(live, 0, 'rw');
  }
  const config: BootConfig = {
    configFile: input.filesystem === 'vfat' ? 'syslinux/syslinux.cfg' : 'syslinux/extlinux.conf',
    appendLine: words.join(' '),
    added: missingFrom(words, original),
    removed: missingFrom(original, words),
  };
  if (input.xo) {
    const initrd = words.findIndex((word) => word.startsWith('initrd='));
    const args = words.slice(initrd + 1);
    if (!input.xoNoHome && !input.homeAfterInstall) args.push('persistenthome=mtd0');
    args.push('reset_overlay');
    config.xoBootArgs = args.join(' ');
  }
  return config;
}
