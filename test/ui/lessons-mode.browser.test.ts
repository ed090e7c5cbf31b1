// <cellar-app> in Lessons mode: the list beside the views, lesson 2 started from it on its own stick,
// its first step completed by typing in the app's own terminal, the progress the host saves, and a
// saved lesson resumed at its step.

import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/ui/cellar-app.js';
import type { CellarApp } from '../../src/ui/cellar-app.js';
import type { CellarLessonPanel } from '../../src/ui/lesson-panel/cellar-lesson-panel';
import { NO_CHALLENGES } from '../../src/lessons/lessonProgress';
import type { CellarChallenge } from '../../src/ui/challenge/cellar-challenge';
import { buttonWithText, inShadow, SMALL_PLAN } from './uiFixtures';

async function lessonsApp(): Promise<CellarApp> {
  const el = await fixture<CellarApp>(html`<cellar-app .plan=${SMALL_PLAN}></cellar-app>`);
  el.act({ type: 'set-mode', mode: 'lessons' });
  await el.updateComplete;
  return el;
}

const panelOf = (el: CellarApp) => inShadow<CellarLessonPanel>(el, 'cellar-lesson-panel');

async function settled(el: CellarApp): Promise<void> {
  await el.updateComplete;
  await el.shadowRoot!.querySelector<CellarLessonPanel>('cellar-lesson-panel')?.updateComplete;
}

/** The app moves the focus after its render and the new view's: a task later, both are done. */
async function focusMoved(el: CellarApp): Promise<void> {
  await settled(el);
  await aTimeout(0);
}

async function typeLine(el: CellarApp, line: string): Promise<void> {
  inShadow<HTMLInputElement>(inShadow(el, 'cellar-terminal'), 'input').focus();
  await sendKeys({ type: line });
  await sendKeys({ press: 'Enter' });
  await settled(el);
}

describe('<cellar-app> in Lessons mode', () => {
  it('shows the lessons beside the views, and choosing lesson 2 makes its stick and shows its first step', async () => {
    const el = await lessonsApp();
    const list = inShadow(el, 'cellar-lesson-list');
    expect(el.shadowRoot!.querySelector('section.real') === null).to.equal(true);
    buttonWithText(list, 'The overlay fills').click();
    await settled(el);
    expect(el.session!.stick.era.id).to.equal('soas-2012'); // the lesson's stick, not SMALL_PLAN's
    expect(inShadow(panelOf(el), '.instruction').textContent).to.contain('type dmsetup status');
    expect(el.lessonProgress).to.deep.equal({
      current: { lessonId: 'overlay-fills', stepIndex: 0 },
      completed: [],
      challenges: NO_CHALLENGES,
    });
  });

  it("typing dmsetup status in the app's terminal completes step 1, and the host hears of it", async () => {
    const el = await lessonsApp();
    expect(el.startLesson('overlay-fills')).to.equal(true);
    await settled(el);
    let told = 0;
    el.addEventListener('cellar-progress', () => told++);
    await typeLine(el, 'dmsetup status');
    const panel = panelOf(el);
    expect(inShadow(panel, '.explanation').textContent).to.contain('That is the kernel talking');
    expect(told).to.be.greaterThan(0);
    // Done but not yet left: a reload comes back to this explanation, waiting for Next.
    const current = el.lessonProgress.current!;
    expect([current.lessonId, current.stepIndex]).to.deep.equal(['overlay-fills', 0]);
    expect(current.explained?.change.action.type).to.equal('terminal');
    buttonWithText(panel, 'Next').click();
    await settled(el);
    expect(inShadow(panel, '.step-count').textContent).to.equal('Step 2 of 3');
    await expect(el).to.be.accessible();
  });

  it('resumes saved progress at its step, and leaving Lessons mode ends the lesson', async () => {
    const el = await lessonsApp();
    el.restoreLessons({ current: { lessonId: 'overlay-fills', stepIndex: 2 }, completed: ['overlay-fills'] });
    await settled(el);
    expect(inShadow(panelOf(el), '.step-count').textContent).to.equal('Step 3 of 3');
    expect(el.lessonProgress.completed).to.deep.equal(['overlay-fills']);
    el.act({ type: 'set-mode', mode: 'sandbox' });
    await settled(el);
    expect(el.shadowRoot!.querySelector('.lesson')).to.equal(null);
    expect(el.lessonProgress).to.deep.equal({
      current: null,
      completed: ['overlay-fills'],
      challenges: NO_CHALLENGES,
    });
  });

  it('opens a challenge, and the next one, with the focus on its heading at the top of the column', async () => {
    const el = await lessonsApp();
    const aside = inShadow(el, 'aside');
    aside.style.height = '200px'; // a small screen: the list scrolls to its last buttons
    const open = buttonWithText(inShadow(el, 'cellar-lesson-list'), 'Predict the meter');
    open.focus();
    expect(aside.scrollTop).to.be.greaterThan(0);
    open.click();
    await focusMoved(el);
    const challenge = inShadow<CellarChallenge>(el, 'cellar-challenge');
    expect(challenge.shadowRoot!.activeElement?.localName).to.equal('h2');
    expect(inShadow(challenge, 'h2').getBoundingClientRect().top).to.be.at.least(
      aside.getBoundingClientRect().top,
    );
    buttonWithText(challenge, 'Check').click();
    await challenge.updateComplete;
    buttonWithText(challenge, 'Next challenge').click();
    await focusMoved(el);
    expect(challenge.shadowRoot!.activeElement?.localName).to.equal('h2');
  });

  it('opens the teacher’s summary with the focus on its heading', async () => {
    const el = await lessonsApp();
    const open = buttonWithText(inShadow(el, 'cellar-lesson-list'), 'For the teacher');
    open.focus();
    open.click();
    await focusMoved(el);
    const summary = inShadow(el, 'cellar-teacher-summary');
    expect(summary.shadowRoot!.activeElement?.localName).to.equal('h2');
  });

  it('plays a challenge from the list: the answer is scored and saved with the lessons', async () => {
    const el = await lessonsApp();
    buttonWithText(inShadow(el, 'cellar-lesson-list'), 'Predict the meter').click();
    await settled(el);
    const challenge = inShadow<CellarChallenge>(el, 'cellar-challenge');
    await challenge.updateComplete;
    const field = inShadow<HTMLInputElement>(challenge, 'input[type="number"]');
    field.value = String(challenge.answer!.endPercent);
    field.dispatchEvent(new Event('input'));
    await challenge.updateComplete;
    buttonWithText(challenge, 'Check').click();
    await settled(el);
    expect(el.lessonProgress.challenges).to.deep.equal({ level: 1, points: 10, answered: 1, right: 1 });
    buttonWithText(el, 'All lessons').click();
    await settled(el);
    buttonWithText(inShadow(el, 'cellar-lesson-list'), 'For the teacher').click();
    await settled(el);
    expect(inShadow(el, 'cellar-teacher-summary').shadowRoot!.textContent).to.contain(
      'Level 1: 1 right of 1 answered, 10 points.',
    );
    await expect(el).to.be.accessible();
  });
});
