// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { deletingGivesNothingBack } from './deletingGivesNothingBack';
import { homeIsDifferent } from './homeIsDifferent';
import { meetYourStick } from './meetYourStick';
import { overlayFills } from './overlayFills';
import { ramFolders } from './ramFolders';

export const LESSONS: readonly Lesson[] = [
  meetYourStick,
  overlayFills,
  deletingGivesNothingBack,
  homeIsDifferent,
  ramFolders,
];
