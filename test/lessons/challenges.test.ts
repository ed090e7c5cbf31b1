// "Predict the meter" challenges: made from a seed, answered by the model itself, graded by closeness.
// The answers are checked against what each level teaches, over many seeds.

import { describe, expect, it } from 'vitest';
import { ChallengeRound } from '../../src/lessons/challenges/challengeRound';
import { points, verdict } from '../../src/lessons/challenges/grade';
import { LEVELS, makeChallenge } from '../../src/lessons/challenges/makeChallenge';
import { predictMeter } from '../../src/lessons/challenges/predictMeter';
import { overlayPercent } from '../../src/lessons/conditions';
import { NO_CHALLENGES } from '../../src/lessons/lessonProgress';

const OVERLAY_MB = (300 * 1024 * 1024) / 1_000_000; // the default stick's 300 MiB overlay, in MB
const SEEDS = [1, 2, 3, 7, 42];

function answered(level: number, seed: number) {
  const challenge = makeChallenge(level, seed);
  const answer = predictMeter(challenge);
  if (!answer) throw new Error(`level ${level} seed ${seed} cannot be played`);
  return { challenge, answer };
}

const sizeOf = (level: number, seed: number, name: string) =>
  makeChallenge(level, seed).actions.find((a) => a.kind !== 'reboot' && a.name === name)!;

describe('challenges', () => {
  it('answer with the challenge stick’s overlay before and after, which its gauge reads', () => {
    const { answer } = answered(1, 7);
    expect(Math.floor(overlayPercent({ overlay: answer.before }))).toBe(answer.startPercent);
    expect(Math.floor(overlayPercent({ overlay: answer.after }))).toBe(answer.endPercent);
    expect(answer.after.allocatedSectors).toBeGreaterThan(answer.before.allocatedSectors);
    expect(answer.after.statusLine).toMatch(/ snapshot \d+\/\d+ \d+$/);
  });

  it('are the same challenge again from the same seed, and differ between seeds', () => {
    expect(makeChallenge(2, 7)).toEqual(makeChallenge(2, 7));
    const photos = new Set(SEEDS.map((seed) => JSON.stringify(makeChallenge(1, seed).actions)));
    expect(photos.size).toBeGreaterThan(2);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}, level 1: a photo saved in the system folder moves the gauge by about its size`, () => {
      const { answer } = answered(1, seed);
      const photo = sizeOf(1, seed, 'photo.jpg');
      const expected = ((photo.kind === 'save' ? photo.sizeMb : 0) / OVERLAY_MB) * 100;
      expect(answer.endPercent - answer.startPercent).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
      expect(answer.endPercent - answer.startPercent).toBeLessThanOrEqual(Math.ceil(expected) + 2);
    });

    it(`seed ${seed}, level 2: deleting the video gives nothing back, and the photo goes into its copied blocks`, () => {
      const { answer } = answered(2, seed);
      expect(answer.endPercent).toBeGreaterThanOrEqual(answer.startPercent);
      expect(answer.endPercent).toBeLessThanOrEqual(answer.startPercent + 1);
    });

    it(`seed ${seed}, level 3: only the system folder's photo costs overlay, not home.img or /tmp`, () => {
      const three = answered(3, seed).answer;
      const one = answered(1, seed).answer;
      // The same video and photo as level 1 (same seed): home and RAM files add at most a chunk or so.
      expect(three.endPercent - three.startPercent).toBeLessThanOrEqual(
        one.endPercent - one.startPercent + 1,
      );
    });

    it(`seed ${seed}, level 4: a reboot and a deletion in home.img leave the overlay where it was`, () => {
      const four = answered(4, seed).answer;
      const three = answered(3, seed).answer;
      expect(four.endPercent).toBeGreaterThanOrEqual(three.endPercent);
      expect(four.endPercent).toBeLessThanOrEqual(three.endPercent + 2);
    });
  }

  it('has the levels it says', () => {
    expect(LEVELS.map((level) => makeChallenge(level, 1).level)).toEqual([1, 2, 3, 4]);
  });
});

describe('grading a guess', () => {
  it('is right within 3 points, close within 8, off beyond', () => {
    expect(verdict(43, 45)).toBe('right');
    expect(verdict(50, 45)).toBe('close');
    expect(verdict(30, 45)).toBe('off');
  });

  it('scores harder levels higher', () => {
    expect(points('right', 3)).toBeGreaterThan(points('right', 1));
    expect(points('close', 2)).toBeGreaterThan(points('off', 4));
  });
});

describe('a round of challenges', () => {
  it('asks at the learner’s level, scores each guess, and raises the level after three right answers', () => {
    const round = new ChallengeRound(NO_CHALLENGES);
    for (let i = 0; i < 3; i++) {
      expect(round.next()).toBe(true);
      expect(round.challenge!.level).toBe(1);
      expect(round.guess(round.answer!.endPercent)).toBe('right');
    }
    expect(round.score).toEqual({ level: 2, points: 30, answered: 3, right: 3 });
    round.next();
    expect(round.challenge!.level).toBe(2);
    const far = round.answer!.endPercent < 50 ? 100 : 0;
    expect(round.guess(far)).toBe('off');
    expect(round.score).toMatchObject({ level: 2, points: 30, answered: 4, right: 3 });
  });

  it('goes on from a saved score: the next question is the next seed', () => {
    const round = new ChallengeRound({ level: 3, points: 60, answered: 6, right: 6 });
    round.next();
    expect(round.challenge).toEqual(makeChallenge(3, 7));
  });
});
