// Challenges by level, from a seed. Each level adds one idea the lessons teach:
//   1 saving in the system folder fills the overlay;
//   2 deleting there gives nothing back (and the next file still costs);
//   3 only the system folder costs overlay: home.img and the RAM folders do not;
//   4 a reboot empties the RAM folders but leaves the overlay as it was.

import { DEFAULT_SANDBOX } from '../../model/session/sandboxPlan';
import type { Challenge, ChallengeAction } from './challengeTypes';
import { between, seededRandom } from './seededRandom';

export const LEVELS = [1, 2, 3, 4] as const;

export function makeChallenge(level: number, seed: number): Challenge {
  // The seed alone: the same seed gives the same video and photo at every level, one idea added each time.
  const random = seededRandom(seed);
  const videoMb = between(random, 6, 15) * 10;
  const photoMb = between(random, 3, 30);
  const video: ChallengeAction = { kind: 'save', place: 'system', name: 'video.mp4', sizeMb: videoMb };
  const before: ChallengeAction[] = [video];
  const actions: ChallengeAction[] = [];
  if (level === 1) {
    actions.push({ kind: 'save', place: 'system', name: 'photo.jpg', sizeMb: photoMb });
  } else if (level === 2) {
    actions.push({ kind: 'delete', place: 'system', name: 'video.mp4', sizeMb: videoMb });
    actions.push({ kind: 'save', place: 'system', name: 'photo.jpg', sizeMb: photoMb });
  } else {
    const homeMb = between(random, 2, 8) * 10;
    const ramMb = between(random, 2, 8) * 10;
    actions.push({ kind: 'save', place: 'home', name: 'song.ogg', sizeMb: homeMb });
    actions.push({ kind: 'save', place: 'ram', name: 'scratch.bin', sizeMb: ramMb });
    actions.push({ kind: 'save', place: 'system', name: 'photo.jpg', sizeMb: photoMb });
    if (level >= 4) {
      actions.push({ kind: 'reboot' });
      actions.push({ kind: 'delete', place: 'home', name: 'song.ogg', sizeMb: homeMb });
    }
  }
  return { level, seed, stick: DEFAULT_SANDBOX, before, actions };
}
