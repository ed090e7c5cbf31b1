// A challenge in the learner's words: each thing that happens as one whole sentence per kind and place,
// so every language can word it its own way.

import { msg, str } from '@lit/localize';
import type { ChallengeAction } from '../../lessons/challenges/challengeTypes';
import type { Verdict } from '../../lessons/challenges/grade';

export function actionText(action: ChallengeAction): string {
  if (action.kind === 'reboot') return msg('You reboot the stick.');
  const mb = action.sizeMb;
  const name = action.name;
  if (action.kind === 'save') {
    switch (action.place) {
      case 'system':
        return msg(str`You save ${name} (${mb} MB) in the system folder.`);
      case 'home':
        return msg(str`You save ${name} (${mb} MB) in your home folder (home.img).`);
      case 'ram':
        return msg(str`You save ${name} (${mb} MB) in /tmp, a RAM folder.`);
    }
  }
  switch (action.place) {
    case 'system':
      return msg(str`You delete ${name} (${mb} MB) from the system folder.`);
    case 'home':
      return msg(str`You delete ${name} (${mb} MB) from your home folder (home.img).`);
    case 'ram':
      return msg(str`You delete ${name} (${mb} MB) from /tmp, a RAM folder.`);
  }
}

export function verdictText(verdict: Verdict, answerPercent: number): string {
  switch (verdict) {
    case 'right':
      return msg(str`Right! The model says ${answerPercent} %.`);
    case 'close':
      return msg(str`Close! The model says ${answerPercent} %.`);
    case 'off':
      return msg(str`Not quite: the model says ${answerPercent} %.`);
  }
}

/** Why the gauge ended where it did: the idea each level adds. */
export function levelIdea(level: number): string {
  switch (level) {
    case 1:
      return msg('Everything saved in the system folder is copied into the overlay.');
    case 2:
      return msg(
        'Deleting never gives overlay space back, but a new file can go into blocks the overlay already holds.',
      );
    case 3:
      return msg('Only the system folder costs overlay: home.img and the RAM folders have their own space.');
    default:
      return msg('A reboot empties the RAM folders and leaves the overlay as it was.');
  }
}
