// Lessons 1, 3, 4, 5, 6 and 7 taken in the built activity from file://, as a learner takes them: Lessons
// chosen in the toolbar, the lesson in the list, each step done with the app's own controls (Files' places
// and folders, the Photo preset, Delete, "Move this folder to RAM", the Sugar buttons, "+1 day", Reboot,
// "New stick" and its dialog, lines typed in the terminal, the panel's answers), Next after each step, and
// "Lesson complete" at the end. Then lesson 1 again with the keyboard alone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltActivity, typeInTerminal } from './builtActivity';
import { freshPage, panel, text, focused, tabTo } from './lessonPage';

const builtActivity = useBuiltActivity();

/** Waits for the panel to show `Step n of count`. */
async function atStep(page: Page, n: number, count: number): Promise<void> {
  await panel(page, '.step-count')
    .filter({ hasText: `Step ${n} of ${count}` })
    .waitFor();
}

/** The lesson's button in the list, by its number and title (a title can be in another lesson's goal). */
const lessonRow = (page: Page, number: number, title: string) =>
  page
    .locator('cellar-lesson-list li button')
    .filter({ has: page.locator('.title', { hasText: `${number}. ${title}` }) });

/** Lessons in the toolbar, then the lesson's row in the list (by its number and title). */
async function startLesson(page: Page, number: number, title: string, steps: number): Promise<void> {
  await page.locator('cellar-toolbar select').first().selectOption('lessons');
  await lessonRow(page, number, title).click();
  await atStep(page, 1, steps);
  expect(await text(page, 'cellar-lesson-panel h2')).toBe(title);
}

/** Waits for the step's "What just happened" and checks it says what the lesson explains. */
async function explained(page: Page, expected: RegExp): Promise<void> {
  await panel(page, '.explanation').waitFor();
  expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(expected);
}

/** The panel's Next, then the next step (or the lesson's end). */
async function next(page: Page, then: [number, number] | 'complete'): Promise<void> {
  await panel(page, 'button.primary').filter({ hasText: 'Next' }).click();
  if (then === 'complete') {
    await panel(page, '.complete').waitFor();
    expect(await text(page, 'cellar-lesson-panel .complete')).toContain('Lesson complete');
  } else {
    await atStep(page, ...then);
  }
}

/** One of the panel's answers to a question step. */
async function answer(page: Page, choice: string): Promise<void> {
  await page
    .locator('cellar-lesson-panel .choices')
    .getByRole('button', { name: choice, exact: true })
    .click();
}

/** One of Files' places above the list (My home, System folder, Logs, /tmp, The stick itself). */
async function place(page: Page, label: string): Promise<void> {
  const button = page.locator('cellar-files nav').getByRole('button', { name: label, exact: true });
  await button.click();
  await page.locator('cellar-files nav button[aria-current="true"]', { hasText: label }).waitFor();
}

/** A folder in Files' list, opened with its name's button. */
async function openFolder(page: Page, name: string): Promise<void> {
  await page
    .locator('cellar-files ul')
    .getByRole('button', { name: `${name}/`, exact: true })
    .click();
  await page.locator('cellar-files .where .path', { hasText: new RegExp(`/${name}$`) }).waitFor();
}

async function up(page: Page): Promise<void> {
  await page.locator('cellar-files .where [aria-label="Up one folder"]').click();
}

const button = (page: Page, host: string, label: string | RegExp) =>
  page.locator(`${host} button`).filter({ hasText: label });

const photo = (page: Page) => button(page, 'cellar-file-actions', /^\s*Photo · 3 MB\s*$/);

/** Finishes a test: the last lesson's row is ticked and nothing went wrong in the page. */
async function finish(page: Page, errors: string[], number: number, title: string): Promise<void> {
  await panel(page, 'button').filter({ hasText: 'Choose another lesson' }).click();
  await lessonRow(page, number, title).locator('.done', { hasText: '✓ Done' }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}

describe('lessons about where data lives, taken in the built activity', () => {
  it('lesson 1, "Meet your stick": a photo in each of the four places, then the question', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 1, 'Meet your stick', 5);

    await place(page, 'System folder');
    await photo(page).click();
    await explained(
      page,
      /^The photo is [\d.]+ [KM]i?B, and the overlay grew by [\d.]+ [KM]i?B\. Every change/,
    );
    await next(page, [2, 5]);

    await place(page, 'My home');
    await photo(page).click();
    await explained(page, /^This time home\.img grew by [\d.]+ [KM]i?B and the overlay by/);
    await next(page, [3, 5]);

    await place(page, '/tmp');
    await photo(page).click();
    await explained(page, /^The RAM folders grew by [\d.]+ [KM]i?B; .* \/tmp is not on the stick at all/);
    await next(page, [4, 5]);

    await place(page, 'The stick itself');
    await photo(page).click();
    await explained(page, /^The photo went straight onto the stick/);
    await next(page, [5, 5]);

    await answer(page, 'The overlay');
    expect(await panel(page, '.explanation').count()).toBe(0);
    await answer(page, '/tmp (RAM)');
    await explained(page, /^Right: the RAM folders hold [\d.]+ [KM]i?B now/);
    await next(page, 'complete');
    await finish(page, errors, 1, 'Meet your stick');
  }, 90_000);

  it('lesson 3, "Deleting does not give space back": Delete, a new photo, dd over it, the question', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 3, 'Deleting does not give space back', 4);

    await place(page, 'System folder');
    await page.locator('cellar-files').getByRole('button', { name: 'Delete photo.jpg', exact: true }).click();
    await explained(page, /^The overlay did not go down: it even grew by/);
    await next(page, [2, 4]);

    await photo(page).click();
    await explained(page, /^The new photo is [\d.]+ [KM]i?B, but the overlay grew by only/);
    await next(page, [3, 4]);

    const rewrite = await typeInTerminal(
      page,
      'dd if=/dev/zero of=/root/photo.jpg bs=1M count=2 conv=notrunc',
    );
    expect(rewrite.exitCode).toBe(0);
    await explained(page, /^dd wrote 2 MiB over the photo, and the overlay grew by only/);
    await next(page, [4, 4]);

    await answer(page, 'It keeps the photo’s chunks, and grows a little.');
    await explained(page, /^Right\. Since the lesson began, the overlay went from/);
    await next(page, 'complete');
    await finish(page, errors, 3, 'Deleting does not give space back');
  }, 90_000);

  it('lesson 4, "Home is different": a photo saved and deleted in My home, then in the System folder', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 4, 'Home is different', 4);
    const deletePhoto = page
      .locator('cellar-files')
      .getByRole('button', { name: 'Delete photo.jpg', exact: true });

    await place(page, 'My home');
    await photo(page).click();
    await explained(page, /^home\.img grew by [\d.]+ [KM]i?B: it now uses/);
    await next(page, [2, 4]);

    await deletePhoto.click();
    await explained(page, /^Yes: home\.img got [\d.]+ [KM]i?B back/);
    await next(page, [3, 4]);

    await place(page, 'System folder');
    await photo(page).click();
    await deletePhoto.click();
    await explained(page, /^Deleting it gave nothing back/);
    await next(page, [4, 4]);

    await answer(page, 'My home (home.img)');
    await explained(page, /^Right\. home\.img uses/);
    await next(page, 'complete');
    await finish(page, errors, 4, 'Home is different');
  }, 90_000);

  it('lesson 5, "RAM folders": photos in /tmp and the System folder, Reboot, the question', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 5, 'RAM folders', 4);

    await place(page, '/tmp');
    await photo(page).click();
    await explained(page, /^The RAM folders grew by [\d.]+ [KM]i?B, and the overlay by/);
    await next(page, [2, 4]);

    await place(page, 'System folder');
    await photo(page).click();
    await explained(page, /^The overlay grew by .* this stick has no overlay file/);
    await next(page, [3, 4]);

    await page
      .locator('cellar-app section.stick')
      .getByRole('button', { name: 'Reboot', exact: true })
      .click();
    await explained(page, /^After the restart the RAM folders went from .* Both photos are gone\.$/);
    await next(page, [4, 4]);

    await answer(page, 'A stick with an overlay file');
    await explained(page, /^Right\. An overlay file keeps the changes on the stick/);
    await next(page, 'complete');
    await finish(page, errors, 5, 'RAM folders');
  }, 90_000);

  it('lesson 6, "The quiet writers": a week, three folders moved to RAM, the question, a second week', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 6, 'The quiet writers', 4);
    const day = button(page, 'cellar-toolbar', '+1 day');
    const moveToRam = button(page, 'cellar-file-actions', 'Move this folder to RAM');

    for (let i = 0; i < 6; i++) await day.click();
    expect(await panel(page, '.explanation').count()).toBe(0);
    await day.click();
    await explained(page, /^Nobody saved anything, and still the overlay grew by/);
    await next(page, [2, 4]);

    await place(page, 'Logs');
    await openFolder(page, 'audit');
    await moveToRam.click();
    await moveToRam.waitFor({ state: 'detached' });
    await up(page);
    await up(page);
    await openFolder(page, 'spool');
    await openFolder(page, 'abrt');
    await moveToRam.click();
    await moveToRam.waitFor({ state: 'detached' });
    expect(await panel(page, '.explanation').count()).toBe(0);
    await up(page);
    await up(page);
    await openFolder(page, 'lib');
    await openFolder(page, 'NetworkManager');
    await moveToRam.click();
    await explained(page, /^Each folder now has a tmpfs over it/);
    await next(page, [3, 4]);

    await answer(page, 'It is forgotten: RAM is emptied');
    await explained(page, /^It is forgotten\./);
    await next(page, [4, 4]);

    for (let i = 0; i < 7; i++) await day.click();
    await explained(page, /^Before the move the overlay grew by .* This week only by .*\/usr\/lib/);
    await next(page, 'complete');
    await finish(page, errors, 6, 'The quiet writers');
  }, 90_000);

  it('lesson 7, "Activities and the Journal": install, a Journal entry, the question, a stick without home.img', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await startLesson(page, 7, 'Activities and the Journal', 4);
    const install = button(page, 'cellar-file-actions', 'Install an Activity');

    await install.click();
    await explained(page, /^The Activity went to \/home\/liveuser\/Activities, inside home\.img/);
    await next(page, [2, 4]);

    await button(page, 'cellar-file-actions', 'Save a Journal entry').click();
    await explained(page, /^The Journal keeps each entry in \/home\/liveuser\/\.sugar\/default\/datastore/);
    await next(page, [3, 4]);

    await answer(page, 'Into the overlay');
    await explained(page, /^Into the overlay\./);
    await next(page, [4, 4]);

    // The toolbar's New stick: the setup dialog, home.img set to 0, Make this stick.
    await button(page, 'cellar-toolbar', 'New stick').click();
    const dialog = page.locator('cellar-sandbox-setup dialog');
    await dialog.waitFor();
    await dialog.locator('#home').fill('0');
    await dialog.locator('.verdict', { hasText: 'The installer accepts this stick.' }).waitFor();
    expect(await dialog.locator('code').textContent()).not.toContain('--home-size-mb');
    await dialog.getByRole('button', { name: 'Make this stick' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await panel(page, '.explanation').count()).toBe(0);

    await install.click();
    await explained(page, /^This time the overlay grew by [\d.]+ [KM]i?B/);
    await next(page, 'complete');
    await finish(page, errors, 7, 'Activities and the Journal');
  }, 90_000);
});

describe('lesson 1 with the keyboard alone', () => {
  it('is taken with Tab, Shift+Tab, arrows and Enter', async () => {
    const { page, errors } = await freshPage(builtActivity());
    const nextStep = async (then: string) => {
      await tabTo(page, /^Next$/, 'Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await text(page, 'cellar-lesson-panel .step-count')).toBe(then);
    };
    const photoIn = async (label: string) => {
      await tabTo(page, new RegExp(`^${label}$`));
      await page.keyboard.press('Enter');
      await tabTo(page, /^Photo · 3 MB$/);
      await page.keyboard.press('Enter');
      await panel(page, '.explanation').waitFor();
    };

    // The mode list: Lessons is the option above Sandbox.
    await tabTo(page, 'Sandbox');
    await page.keyboard.press('ArrowUp');
    await page.locator('cellar-lesson-list').waitFor();
    await tabTo(page, '1. Meet your stick');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ text: expect.stringContaining('open the System folder') });

    await photoIn('System folder');
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^The photo is [\d.]+ [KM]i?B/);
    await nextStep('Step 2 of 5');
    await photoIn('My home');
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^This time home\.img grew/);
    await nextStep('Step 3 of 5');
    await photoIn('/tmp');
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^The RAM folders grew/);
    await nextStep('Step 4 of 5');
    await photoIn('The stick itself');
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^The photo went straight/);
    await nextStep('Step 5 of 5');

    // The question: from the instruction, Tab to the answer.
    await tabTo(page, /^\/tmp \(RAM\)$/);
    await page.keyboard.press('Enter');
    await panel(page, '.explanation').waitFor();
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^Right: the RAM folders hold/);
    await tabTo(page, /^Next$/);
    await page.keyboard.press('Enter');
    await panel(page, '.complete').waitFor();
    // The panel moves the focus to the closing words once it has rendered them.
    await expect.poll(async () => (await focused(page)).text).toContain('Lesson complete');
    await tabTo(page, 'Choose another lesson');
    await page.keyboard.press('Enter');
    await lessonRow(page, 1, 'Meet your stick').locator('.done', { hasText: '✓ Done' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
