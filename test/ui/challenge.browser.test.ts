// <cellar-challenge> in Chromium: the question in words, a guess by slider or number, the verdict and the
// model's answer after Check, the points reported to its owner, and keyboard and screen-reader access.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Challenge } from '../../src/lessons/challenges/challengeTypes';
import { DEFAULT_SANDBOX } from '../../src/model/session/sandboxPlan';
import type { CellarChallenge, ChallengeAnsweredDetail } from '../../src/ui/challenge/cellar-challenge';
import '../../src/ui/challenge/cellar-challenge';
import { buttonWithText, inShadow } from './uiFixtures';

const CHALLENGE: Challenge = {
  level: 2,
  seed: 1,
  stick: DEFAULT_SANDBOX,
  before: [{ kind: 'save', place: 'system', name: 'video.mp4', sizeMb: 110 }],
  actions: [
    { kind: 'delete', place: 'system', name: 'video.mp4', sizeMb: 110 },
    { kind: 'save', place: 'system', name: 'photo.jpg', sizeMb: 23 },
  ],
};

async function shown() {
  return fixture<CellarChallenge>(
    html`<cellar-challenge
      .challenge=${CHALLENGE}
      .answer=${{ startPercent: 35, endPercent: 35 }}
      .score=${20}
    ></cellar-challenge>`,
  );
}

async function guess(el: CellarChallenge, percent: number) {
  const field = inShadow<HTMLInputElement>(el, 'input[type="number"]');
  field.value = String(percent);
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<cellar-challenge>', () => {
  it('says where the gauge starts and what happens, in order', async () => {
    const el = await shown();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('The overlay is at 35 %');
    expect(text).to.contain('Level 2. Score: 20.');
    const steps = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    expect(steps).to.deep.equal([
      'You delete video.mp4 (110 MB) from the system folder.',
      'You save photo.jpg (23 MB) in the system folder.',
    ]);
  });

  it('grades the guess against the model’s answer and tells its owner the points', async () => {
    const el = await shown();
    await guess(el, 50);
    expect(inShadow<HTMLInputElement>(el, 'input[type="range"]').value).to.equal('50');
    setTimeout(() => buttonWithText(el, 'Check').click());
    const { detail } = (await oneEvent(
      el,
      'cellar-challenge-answered',
    )) as CustomEvent<ChallengeAnsweredDetail>;
    expect(detail).to.deep.equal({ guessPercent: 50, verdict: 'off', points: 0 });
    await el.updateComplete;
    expect(inShadow(el, '.result').textContent).to.contain('Not quite: the model says 35 %');
    expect(inShadow(el, '.result').textContent).to.contain('Deleting never gives overlay space back');
  });

  it('scores a right guess by its level, then offers the next challenge', async () => {
    const el = await shown();
    await guess(el, 36);
    setTimeout(() => buttonWithText(el, 'Check').click());
    const { detail } = (await oneEvent(
      el,
      'cellar-challenge-answered',
    )) as CustomEvent<ChallengeAnsweredDetail>;
    expect(detail.points).to.equal(20);
    await el.updateComplete;
    setTimeout(() => buttonWithText(el, 'Next challenge').click());
    await oneEvent(el, 'cellar-challenge-next');
  });

  it('is accessible', async () => {
    const el = await shown();
    await expect(el).to.be.accessible();
  });
});
