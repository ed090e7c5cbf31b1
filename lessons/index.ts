// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { activitiesJournal } from './activitiesJournal';
import { overlayFills } from './overlayFills';
import { overlayFull } from './overlayFull';
import { planStick } from './planStick';
import { quietWriters } from './quietWriters';

export const LESSONS: readonly Lesson[] = [
  overlayFills,
  quietWriters,
  activitiesJournal,
  planStick,
  overlayFull,
];
