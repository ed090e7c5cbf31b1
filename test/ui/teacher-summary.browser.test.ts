// <cellar-teacher-summary> in Chromium: each lesson's state (done, at a step, not started) and the
// challenges' figures, from the learner's progress; readable by a screen reader.

import { expect, fixture, html } from '@open-wc/testing';
import { LESSONS } from '../../lessons';
import type { LessonProgress } from '../../src/lessons/lessonProgress';
import type { CellarTeacherSummary } from '../../src/ui/teacher-summary/cellar-teacher-summary';
import '../../src/ui/teacher-summary/cellar-teacher-summary';

const PROGRESS: LessonProgress = {
  current: { lessonId: LESSONS[2]!.id, stepIndex: 1 },
  completed: [LESSONS[0]!.id, LESSONS[1]!.id],
  challenges: { level: 2, points: 33, answered: 5, right: 3 },
};

async function summary() {
  return fixture<CellarTeacherSummary>(
    html`<cellar-teacher-summary .lessons=${LESSONS} .progress=${PROGRESS}></cellar-teacher-summary>`,
  );
}

describe('<cellar-teacher-summary>', () => {
  it('shows each lesson’s state from the progress', async () => {
    const el = await summary();
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(rows).to.have.length(LESSONS.length);
    expect(rows[0]![2]).to.equal('✓ Done');
    expect(rows[1]![2]).to.equal('✓ Done');
    expect(rows[2]![2]).to.equal(`At step 2 of ${LESSONS[2]!.steps.length}`);
    expect(rows[3]![2]).to.equal('Not started');
    expect(el.shadowRoot!.textContent).to.contain(`Lessons done: 2 of ${LESSONS.length}.`);
  });

  it('shows the challenges’ figures', async () => {
    const el = await summary();
    expect(el.shadowRoot!.textContent).to.contain('Level 2: 3 right of 5 answered, 33 points.');
  });

  it('is accessible', async () => {
    const el = await summary();
    await expect(el).to.be.accessible();
  });
});
