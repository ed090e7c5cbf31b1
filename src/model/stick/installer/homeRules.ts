// What becomes of LiveOS/home.img: a new one (--home-size-mb), the old one kept, the image's copied
// (today's --copy-home, or on its own when the .iso carries a home.img), or none; and the script's
// refusals on the way. A home.img that exists is only replaced with --delete-home (today also --force).

import type { EraId } from '../eras';
import type { RefusalCode, ScriptNotice } from './InstallPlan';
import type { InstallOptions, LiveImage } from './InstallRequest';
import {
  copyHomeOverExistingText,
  encryptionCarriesOverText,
  homeExistsText2012,
  homeExistsTextToday,
  imageHasHomeText,
  newAndCopiedHomeText,
  noHomeOnImageText,
} from './scriptMessages';
import { mibToBytes } from './sizes';

export interface HomePlan {
  origin: 'new' | 'kept' | 'copied';
  sizeBytes: number;
  encrypted: boolean;
}

export type HomeOutcome =
  | {
      allowed: true;
      home?: HomePlan;
      /** The old home.img the space check leaves out of what is deleted. */
      keptHomeBytes: number;
      /** An old home.img that is deleted. */
      deletedHomeBytes: number;
      /** Today's explicit --copy-home: the space check counts the copy. */
      copyHomeSizeBytes?: number;
      notices: ScriptNotice[];
    }
  | { allowed: false; code: RefusalCode; scriptText: string; message: string; notices: ScriptNotice[] };

export interface HomeInput {
  era: EraId;
  options: InstallOptions;
  /** The existing home.img, unless --format wipes it. */
  existing?: { sizeMib: number; encrypted: boolean };
  image: LiveImage;
  /** The new home.img's size after the FAT limit (undefined without --home-size-mb). */
  newHomeBytes?: number;
}

const DELETE_HOME =
  'The stick already has a home.img, with the learner’s files in it. To replace it with a new, empty one, add --delete-home; to keep it, leave out --home-size-mb.';

export function planHome(input: HomeInput): HomeOutcome {
  const { era, options, existing, image, newHomeBytes } = input;
  const keep = !(options.deleteHome || (era === 'fedora-today' && options.force));
  const keptHomeBytes = existing && keep ? mibToBytes(existing.sizeMib) : 0;
  const deletedHomeBytes = existing && !keep ? mibToBytes(existing.sizeMib) : 0;
  const crypted = options.cryptedHome ?? !options.copyHome;
  const notices: ScriptNotice[] = [];
  const refuse = (code: RefusalCode, scriptText: string, message: string): HomeOutcome => ({
    allowed: false,
    code,
    scriptText,
    message,
    notices,
  });

  if (existing && keep && newHomeBytes !== undefined) {
    return refuse(
      'home-exists',
      era === 'soas-2012' ? homeExistsText2012() : homeExistsTextToday(),
      DELETE_HOME,
    );
  }
  let copy = false;
  let copyHomeSizeBytes: number | undefined;
  if (era === 'fedora-today') {
    const imageHome = image.homeImg;
    if (existing && keep && options.copyHome && imageHome) {
      return refuse(
        'copy-home-conflict',
        copyHomeOverExistingText(),
        'The stick already has a home.img. To replace it with the image’s, add --delete-home.',
      );
    }
    if (!imageHome && options.copyHome) {
      return refuse('no-home-on-image', noHomeOnImageText(), `${image.name} has no LiveOS/home.img to copy.`);
    }
    if (imageHome) {
      copy = true;
      if (options.copyHome) copyHomeSizeBytes = mibToBytes(imageHome.sizeMib);
      else {
        notices.push({
          code: 'home-copied-from-image',
          scriptText: imageHasHomeText(),
          message: `${image.name} carries a home.img (a clone's); the script copies it as if --copy-home were given.`,
        });
      }
      if (crypted) {
        notices.push({
          code: 'home-encryption-carries-over',
          scriptText: encryptionCarriesOverText(),
          message: 'A copied home.img keeps its own encryption; --crypted-home only applies to a new one.',
        });
      }
      if (newHomeBytes !== undefined) {
        return refuse(
          'copy-home-conflict',
          newAndCopiedHomeText(),
          'The image brings its own home.img, so the script will not also make a new one: leave out --home-size-mb.',
        );
      }
    }
  }
  let home: HomePlan | undefined;
  if (copy && image.homeImg) {
    home = {
      origin: 'copied',
      sizeBytes: mibToBytes(image.homeImg.sizeMib),
      encrypted: image.homeImg.encrypted,
    };
  } else if (newHomeBytes !== undefined) {
    home = { origin: 'new', sizeBytes: newHomeBytes, encrypted: crypted };
  } else if (existing && keep) {
    home = { origin: 'kept', sizeBytes: keptHomeBytes, encrypted: existing.encrypted };
  }
  return { allowed: true, home, keptHomeBytes, deletedHomeBytes, copyHomeSizeBytes, notices };
}
