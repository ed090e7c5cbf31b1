// Every lesson's scripted learner, by lesson id: the right and the nearest wrong action of each step.

import type { LessonActions } from './stepActions';
import { activitiesJournalActions } from './activitiesJournal';
import { deletingGivesNothingBackActions } from './deletingGivesNothingBack';
import { homeIsDifferentActions } from './homeIsDifferent';
import { meetYourStickActions } from './meetYourStick';
import { overlayFillsActions } from './overlayFills';
import { quietWritersActions } from './quietWriters';
import { ramFoldersActions } from './ramFolders';
import { overlayFullActions } from './overlayFull';
import { planStickActions } from './planStick';
import { refreshActions } from './refresh';
import { rescuePracticeActions } from './rescuePractice';
import { yourOwnStickActions } from './yourOwnStick';

export const LESSON_ACTIONS: ReadonlyMap<string, LessonActions> = new Map([
  ['meet-your-stick', meetYourStickActions],
  ['overlay-fills', overlayFillsActions],
  ['deleting-gives-nothing-back', deletingGivesNothingBackActions],
  ['home-is-different', homeIsDifferentActions],
  ['ram-folders', ramFoldersActions],
  ['quiet-writers', quietWritersActions],
  ['activities-journal', activitiesJournalActions],
  ['plan-stick', planStickActions],
  ['overlay-full', overlayFullActions],
  ['rescue-practice', rescuePracticeActions],
  ['refresh', refreshActions],
  ['your-own-stick', yourOwnStickActions],
]);
