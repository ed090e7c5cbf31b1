// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { activitiesJournal } from './activitiesJournal';
import { deletingGivesNothingBack } from './deletingGivesNothingBack';
import { homeIsDifferent } from './homeIsDifferent';
import { meetYourStick } from './meetYourStick';
import { overlayFills } from './overlayFills';
import { overlayFull } from './overlayFull';
import { planStick } from './planStick';
import { quietWriters } from './quietWriters';
import { ramFolders } from './ramFolders';
import { refresh } from './refresh';
import { rescuePractice } from './rescuePractice';
import { yourOwnStick } from './yourOwnStick';

export const LESSONS: readonly Lesson[] = [
  meetYourStick,
  overlayFills,
  deletingGivesNothingBack,
  homeIsDifferent,
  ramFolders,
  quietWriters,
  activitiesJournal,
  planStick,
  overlayFull,
  rescuePractice,
  refresh,
  yourOwnStick,
];
