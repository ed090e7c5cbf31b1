// The "predict, then measure" actions in the learner's words: what each is called, and what to do on the
// real stick when it is done in Sugar rather than typed (the model keeps the typed command itself).

import { msg } from '@lit/localize';
import type { RealActionId } from '../../real/predictAction';

export function actionTitle(id: RealActionId): string {
  switch (id) {
    case 'copy-into-root':
      return msg('Copy a 10 MB file into the system (/)');
    case 'copy-into-home':
      return msg('Copy a 10 MB file into your home folder');
    case 'install-activity':
      return msg('Install an Activity (Maze)');
    case 'save-journal-entry':
      return msg('Save a Journal entry');
    case 'delete-copied-file':
      return msg('Delete that 10 MB file from the system');
    case 'reboot':
      return msg('Reboot');
    case 'leave-running-hour':
      return msg('Leave it running for an hour');
  }
}

/** What to do in Sugar for the actions that are not typed; null for those that are. */
export function actionInSugar(id: RealActionId): string | null {
  switch (id) {
    case 'install-activity':
      return msg(
        'In Browse, open activities.sugarlabs.org, download the Maze Activity and start it from the Journal: Sugar installs it in your Activities folder.',
      );
    case 'save-journal-entry':
      return msg('Start Write, type a few words, then stop the Activity: the Journal keeps the entry.');
    case 'reboot':
      return msg(
        'Restart from the menu of your buddy icon and start from the stick again; then start the bridge again and connect to its new address.',
      );
    case 'leave-running-hour':
      return msg(
        'Leave the stick running for an hour without using it: the background programs keep writing.',
      );
    default:
      return null;
  }
}
