// <cellar-challenge> in Chromium: the question in words, the gauge of the challenge's own stick (before,
// then as the model leaves it after Check), a guess by slider or number, the verdict and the model's
// answer, the points reported to its owner, and keyboard and screen-reader access.

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Challenge, MeterAnswer } from '../../src/lessons/challenges/challengeTypes';
import { predictMeter } from '../../src/lessons/challenges/predictMeter';
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

/** The model's own answer, with the overlay before and after (35 % both, as the gauge shows it). */
const ANSWER: MeterAnswer = predictMeter(CHALLENGE)!;

async function shown() {
  return fixture<CellarChallenge>(
    html`<cellar-challenge .challenge=${CHALLENGE} .answer=${ANSWER} .score=${20}></cellar-challenge>`,
  );
}

/** What the challenge's gauge shows: its kernel line. */
const gaugeLine = (el: CellarChallenge) => inShadow(inShadow(el, 'cellar-overlay-gauge'), 'code').textContent;

async function guess(el: CellarChallenge, percent: number) {
  const field = inShadow<HTMLInputElement>(el, 'input[type="number"]');
  field.value = String(percent);
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<cellar-challenge>', () => {
  it('says where the gauge starts and what happens, in order', async () => {
    expect([ANSWER.startPercent, ANSWER.endPercent]).to.deep.equal([35, 35]);
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

  it('shows the challenge’s own stick: its overlay before the actions, then the model’s after Check', async () => {
    const el = await shown();
    expect(ANSWER.after.allocatedSectors).to.be.greaterThan(ANSWER.before.allocatedSectors);
    expect(gaugeLine(el)).to.equal(`live-rw: ${ANSWER.before.statusLine}`);
    expect(el.shadowRoot!.textContent).to.contain('before');
    buttonWithText(el, 'Check').click();
    await el.updateComplete;
    await inShadow<CellarChallenge>(el, 'cellar-overlay-gauge').updateComplete;
    expect(gaugeLine(el)).to.equal(`live-rw: ${ANSWER.after.statusLine}`);
    expect(el.shadowRoot!.textContent).to.contain('the model’s answer');
  });

  it('is accessible', async () => {
    const el = await shown();
    await expect(el).to.be.accessible();
  });
});
