// The challenges a learner plays one after another: the current one with the model's answer, and the
// score. The level goes up after every three right answers; the seed is the number of the question, so a
// learner's sequence is the same on every machine (a class can compare answers).

import type { ChallengeScore } from '../lessonProgress';
import type { Challenge, MeterAnswer } from './challengeTypes';
import { points, verdict, type Verdict } from './grade';
import { LEVELS, makeChallenge } from './makeChallenge';
import { predictMeter } from './predictMeter';

const RIGHT_ANSWERS_PER_LEVEL = 3;

export class ChallengeRound {
  challenge: Challenge | null = null;
  answer: MeterAnswer | null = null;

  constructor(public score: ChallengeScore) {}

  /**
   * The next question at the learner's level (the model answers it now, on a session of its own). False
   * when no question could be played (a generator's mistake: the tests play many seeds).
   */
  next(): boolean {
    for (let attempt = 0; attempt < 3; attempt++) {
      const challenge = makeChallenge(this.score.level, this.score.answered + 1 + attempt * 1000);
      const answer = predictMeter(challenge);
      if (answer) {
        this.challenge = challenge;
        this.answer = answer;
        return true;
      }
    }
    return false;
  }

  /** The learner's guess for the current question: scored, and the level raised when earned. */
  guess(guessPercent: number): Verdict | null {
    if (!this.challenge || !this.answer) return null;
    const result = verdict(guessPercent, this.answer.endPercent);
    const right = this.score.right + (result === 'right' ? 1 : 0);
    this.score = {
      level: Math.min(LEVELS.length, 1 + Math.floor(right / RIGHT_ANSWERS_PER_LEVEL)),
      points: this.score.points + points(result, this.challenge.level),
      answered: this.score.answered + 1,
      right,
    };
    return result;
  }
}
