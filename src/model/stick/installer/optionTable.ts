// The option words each version of livecd-iso-to-disk reads, and what Cellar does with each:
// models it, passes it through (no effect on the stick's storage), or says it is not modelled.
// 2012: the `case` in 0d5df20's argument loop; today: a8505d6's.

import type { EraId } from '../eras';
import type { NumberMeasure } from './scriptMessages';

export type OptionHandling = 'modelled' | 'pass-through' | 'not-modelled' | 'help';

export interface OptionSpec {
  handling: OptionHandling;
  /** Reads the next word as its value. */
  takesValue: boolean;
  /** How the script checks the value, if it does. */
  measure?: NumberMeasure;
  /** Why Cellar leaves it out (for 'not-modelled'), or what it does (for 'pass-through'). */
  note?: string;
}

const modelled = (measure?: NumberMeasure, takesValue = measure !== undefined): OptionSpec => ({
  handling: 'modelled',
  takesValue,
  measure,
});
const passThrough = (note: string, takesValue = false, measure?: NumberMeasure): OptionSpec => ({
  handling: 'pass-through',
  takesValue,
  measure,
  note,
});
const notModelled = (note: string, takesValue = false): OptionSpec => ({
  handling: 'not-modelled',
  takesValue,
  note,
});

const COMMON: Record<string, OptionSpec> = {
  '--help': { handling: 'help', takesValue: false },
  '--noverify': passThrough('skips checking the image’s checksum'),
  '--format': modelled(undefined, false),
  '--msdos': modelled(),
  '--reset-mbr': modelled(),
  '--resetmbr': modelled(),
  '--efi': notModelled('it asks for a GPT partition table and EFI boot files'),
  '--mactel': notModelled('it asks for a GPT partition table and EFI boot files'),
  '--skipcopy': notModelled('it only rewrites the boot files of an existing install'),
  '--force': modelled(),
  '--xo': modelled(),
  '--xo-no-home': modelled(),
  '--timeout': passThrough('sets how long the boot menu waits', true, 'timeout'),
  '--totaltimeout': passThrough('sets a boot menu time limit', true, 'totaltimeout'),
  '--extra-kernel-args': modelled(undefined, true),
  '--multi': notModelled('it installs a second image beside the first'),
  '--livedir': notModelled('it installs into a directory other than /LiveOS', true),
  '--compress': modelled(),
  '--skipcompress': modelled(),
  '--swap-size-mb': modelled('swap'),
  '--overlay-size-mb': modelled('ovl'),
  '--home-size-mb': modelled('home'),
  '--crypted-home': modelled(),
  '--unencrypted-home': modelled(),
  '--delete-home': modelled(),
};

const TODAY_ONLY: Record<string, OptionSpec> = {
  '-h': { handling: 'help', takesValue: false },
  '-?': { handling: 'help', takesValue: false },
  '--noesp': modelled(),
  '--nomac': passThrough('skips an Apple boot partition, which Cellar never makes'),
  '--reconfig': notModelled('it only rewrites the boot files of an existing install'),
  '--nobootmsg': passThrough('hides the boot message'),
  '--nomenu': passThrough('skips the boot menu'),
  '--no-overlay': notModelled('it boots a writable root image without any overlay'),
  '--overlayfs': notModelled('it makes an OverlayFS directory instead of a Device-mapper overlay'),
  '--copy-overlay': notModelled('it copies the overlay of a running live system'),
  '--reset-overlay': modelled(),
  '--copy-home': modelled(),
  '--updates': passThrough('copies an Anaconda updates image', true),
  '--ks': passThrough('copies a kickstart file', true),
  '--label': modelled(undefined, true),
};

export const OPTION_TABLE: Record<EraId, Readonly<Record<string, OptionSpec>>> = {
  'soas-2012': COMMON,
  'fedora-today': { ...COMMON, ...TODAY_ONLY },
};

export function optionSpec(era: EraId, word: string): OptionSpec | undefined {
  return Object.hasOwn(OPTION_TABLE[era], word) ? OPTION_TABLE[era][word] : undefined;
}
