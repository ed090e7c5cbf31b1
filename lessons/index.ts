// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { overlayFills } from './overlayFills';
import { refresh } from './refresh';
import { rescuePractice } from './rescuePractice';
import { yourOwnStick } from './yourOwnStick';

export const LESSONS: readonly Lesson[] = [overlayFills, rescuePractice, refresh, yourOwnStick];
