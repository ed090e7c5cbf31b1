// "Mirror my stick" in the learner's words: what Cellar had to choose because the reading did not say it,
// and why a stick cannot be mirrored.

import { msg, str } from '@lit/localize';
import type { MirrorGuess } from '../../real/mirror';
import type { RealStick } from '../../real/realStick';

function guessedSize(size: MirrorGuess['size']): string {
  switch (size) {
    case 'era':
      return msg('the era');
    case 'overlay':
      return msg("the overlay's size");
    case 'usage':
      return msg('how full the overlay is');
    case 'home':
      return msg("home.img's size");
    case 'root':
      return msg('the size of the system');
    case 'squashfs':
      return msg("squashfs.img's size");
    case 'filesystem':
      return msg("the stick's own filesystem");
    case 'stick':
      return msg("the stick's size");
  }
}

/** The sizes chosen for the learner, named once each; null when everything came from the stick. */
export function guessesText(guesses: readonly MirrorGuess[]): string | null {
  const sizes = [...new Set(guesses.map((g) => g.size))].map(guessedSize);
  if (sizes.length === 0) return null;
  const list = sizes.join(', ');
  return msg(
    str`Chosen by Cellar, not taken from your stick as they are: ${list}. Paste more of what your stick printed to make the model closer.`,
  );
}

export function mirrorRefusalText(stick: RealStick): string {
  switch (stick.persistence) {
    case 'overlayfs':
      return msg(
        "An OverlayFS stick keeps its changes as files, with no overlay to fill: Cellar's model cannot copy it.",
      );
    case 'none':
      return msg('This is not a live stick: there is no overlay to copy.');
    default:
      return msg('Cellar cannot make a model of your stick from this reading.');
  }
}
