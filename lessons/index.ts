// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { deletingGivesNothingBack } from './deletingGivesNothingBack';
import { homeIsDifferent } from './homeIsDifferent';
import { meetYourStick } from './meetYourStick';
import { overlayFills } from './overlayFills';
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
  rescuePractice,
  refresh,
  yourOwnStick,
];
