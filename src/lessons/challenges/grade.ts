// How close a guess is to the model's answer, and what it scores. Close counts: the gauge moves by whole
// chunks and metadata, which a learner cannot know to the percent.

export type Verdict = 'right' | 'close' | 'off';

/** Percentage points a guess may be off and still be right, or close. */
export const RIGHT_WITHIN = 3;
export const CLOSE_WITHIN = 8;

export function verdict(guessPercent: number, answerPercent: number): Verdict {
  const off = Math.abs(guessPercent - answerPercent);
  return off <= RIGHT_WITHIN ? 'right' : off <= CLOSE_WITHIN ? 'close' : 'off';
}

/** Points for a verdict at a level: harder levels are worth more. */
export function points(result: Verdict, level: number): number {
  return result === 'right' ? 10 * level : result === 'close' ? 3 * level : 0;
}
