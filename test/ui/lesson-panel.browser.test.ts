// The lesson panel and the lesson list on their own: a `LessonView` shown as the learner sees it, each
// button handing its press to the run, the keyboard reaching them, the live region saying what is new.

import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LESSONS } from '../../lessons/index';
import type { LessonView } from '../../src/lessons/LessonRun';
import type { CellarLessonList } from '../../src/ui/lesson-panel/cellar-lesson-list';
import '../../src/ui/lesson-panel/cellar-lesson-list';
import type { CellarLessonPanel, LessonControls } from '../../src/ui/lesson-panel/cellar-lesson-panel';
import '../../src/ui/lesson-panel/cellar-lesson-panel';
import { allInShadow, buttonWithText, inShadow } from './uiFixtures';

const VIEW: LessonView = {
  lessonId: 'overlay-fills',
  title: 'The overlay fills',
  goal: 'Every change costs overlay space.',
  stepNumber: 2,
  stepCount: 3,
  instruction: 'Which number grew?',
  choices: ['The first', 'The second'],
  hints: [],
  explanation: null,
  complete: false,
  canGoBack: true,
  canGoOn: false,
};

/** A run that only records what the panel asked of it. */
function recorder(): LessonControls & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    answer: (choice) => calls.push(`answer ${choice}`),
    hint: () => calls.push('hint'),
    next: () => calls.push('next'),
    back: () => calls.push('back'),
  };
}

async function panel(view: LessonView, controls = recorder()): Promise<CellarLessonPanel> {
  return fixture<CellarLessonPanel>(
    html`<cellar-lesson-panel .view=${view} .controls=${controls} .hintCount=${2}></cellar-lesson-panel>`,
  );
}

const text = (el: Element, selector: string) =>
  inShadow(el, selector).textContent!.replace(/\s+/g, ' ').trim();

describe('<cellar-lesson-panel>', () => {
  it('shows the title, goal, step k of n with a bar, the instruction and the choices', async () => {
    const el = await panel(VIEW);
    expect(text(el, 'h2')).to.equal('The overlay fills');
    expect(text(el, '.goal')).to.equal('Every change costs overlay space.');
    expect(text(el, '.step-count')).to.equal('Step 2 of 3');
    const bar = inShadow<HTMLProgressElement>(el, 'progress');
    expect([bar.value, bar.max]).to.deep.equal([2, 3]);
    expect(text(el, '.instruction')).to.equal('Which number grew?');
    expect(allInShadow(el, '.choices button').map((b) => b.textContent!.trim())).to.deep.equal([
      'The first',
      'The second',
    ]);
  });

  it('hands each press to the run: an answer, a hint, back, and next once the step is done', async () => {
    const controls = recorder();
    const el = await panel(VIEW, controls);
    buttonWithText(el, 'The second').click();
    buttonWithText(el, 'Hint').click();
    buttonWithText(el, 'Back').click();
    expect(buttonWithText(el, 'Next').disabled).to.equal(true);
    el.view = { ...VIEW, explanation: 'It grew.', canGoOn: true };
    await el.updateComplete;
    buttonWithText(el, 'Next').click();
    expect(controls.calls).to.deep.equal(['answer 1', 'hint', 'back', 'next']);
    expect(buttonWithText(el, 'Hint').disabled).to.equal(true);
    expect(text(el, '.explanation')).to.equal('It grew.');
  });

  it('disables Back on the first step and Hint once every hint is shown, and lists the hints', async () => {
    const el = await panel({ ...VIEW, stepNumber: 1, canGoBack: false, hints: ['Look up.', 'Look left.'] });
    expect(buttonWithText(el, 'Back').disabled).to.equal(true);
    expect(buttonWithText(el, 'Hint').disabled).to.equal(true);
    expect(allInShadow(el, '.hints li').map((li) => li.textContent)).to.deep.equal([
      'Look up.',
      'Look left.',
    ]);
  });

  it('says a new step, then a hint, then what just happened, in its live region', async () => {
    const el = await panel(VIEW);
    const live = () => text(el, '[role="status"]');
    expect(live()).to.equal('Step 2 of 3: Which number grew?');
    el.view = { ...VIEW, hints: ['Look at the first number.'] };
    await el.updateComplete;
    expect(live()).to.equal('Look at the first number.');
    el.view = { ...VIEW, hints: ['Look at the first number.'], explanation: 'It grew.', canGoOn: true };
    await el.updateComplete;
    expect(live()).to.equal('It grew.');
  });

  it('at the end says the lesson is complete and offers the list of lessons', async () => {
    const el = await panel({ ...VIEW, stepNumber: 4, complete: true, instruction: null, choices: null });
    expect(text(el, '.complete')).to.contain('Lesson complete');
    let asked = false;
    el.addEventListener('cellar-lesson-list', () => (asked = true));
    buttonWithText(el, 'Choose another lesson').click();
    expect(asked).to.equal(true);
  });

  it('offers the list of lessons in the middle of a lesson too', async () => {
    const el = await panel(VIEW);
    let asked = false;
    el.addEventListener('cellar-lesson-list', () => (asked = true));
    buttonWithText(el, 'All lessons').click();
    expect(asked).to.equal(true);
  });

  it('is reached with Tab: the choices, then Back, Hint (Next is disabled)', async () => {
    const el = await panel(VIEW);
    const reached: string[] = [];
    el.focus();
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      reached.push(el.shadowRoot!.activeElement?.textContent?.trim() ?? '');
    }
    expect(reached).to.deep.equal(['The first', 'The second', 'Back', 'Hint']);
    for (const button of allInShadow(el, 'button')) {
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
    }
  });

  it('is accessible (axe), in a step and complete', async () => {
    const el = await panel({ ...VIEW, hints: ['Look up.'], explanation: 'It grew.', canGoOn: true });
    await expect(el).to.be.accessible();
    el.view = { ...VIEW, complete: true, instruction: null, choices: null };
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('<cellar-lesson-list>', () => {
  async function list(completed: string[] = []): Promise<CellarLessonList> {
    return fixture<CellarLessonList>(
      html`<cellar-lesson-list .lessons=${LESSONS} .completed=${completed}></cellar-lesson-list>`,
    );
  }

  it('shows each lesson with its number, title, goal and minutes, and a done mark in words', async () => {
    const first = LESSONS[0]!;
    const el = await list([first.id]);
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(LESSONS.length);
    const item = text(el, 'li');
    expect(item).to.contain(`${first.number}. ${first.title()}`);
    expect(item).to.contain(first.goal());
    expect(item).to.contain(`About ${first.minutes} minutes`);
    expect(item).to.contain('✓ Done');
    expect(text(await list(), 'li')).not.to.contain('Done');
  });

  it('choosing a lesson (Enter on it) asks for it', async () => {
    const el = await list();
    let chosen = '';
    el.addEventListener('cellar-lesson-start', (event) => (chosen = event.detail.lessonId));
    el.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.equal(LESSONS[0]!.id);
    await expect(el).to.be.accessible();
  });
});
