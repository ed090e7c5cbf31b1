// The lesson catalogue, in the order the panel offers it.

import type { Lesson } from '../src/lessons/lessonTypes';
import { overlayFills } from './overlayFills';
import { rescuePractice } from './rescuePractice';

export const LESSONS: readonly Lesson[] = [overlayFills, rescuePractice];
