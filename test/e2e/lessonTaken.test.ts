// Lesson 2 taken in the built activity from file://, as a learner takes it: Lessons chosen in the toolbar,
// the lesson chosen in the list, the steps done by typing in the app's terminal and clicking in Files, the
// panel's Next; the lesson and step survive a reload, and so does the lesson done. Then the same lesson
// with the keyboard alone (Tab, Shift+Tab, Enter, arrows and typing).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NO_CHALLENGES } from '../../src/lessons/lessonProgress';
import { appReady, useBuiltActivity, standaloneSaves, typeInTerminal } from './builtActivity';
import { freshPage, panel, text, focused, tabTo } from './lessonPage';

const builtActivity = useBuiltActivity();

/** The lesson progress in the saved document, once it is `expected` (the 1 s debounce, then IndexedDB). */
async function savedProgress(page: Page, expected: unknown): Promise<void> {
  let progress: unknown;
  for (let waited = 0; waited < 10_000; waited += 100) {
    const saved = (await standaloneSaves(page)).activity;
    progress = typeof saved === 'string' ? (JSON.parse(saved) as { progress?: unknown }).progress : undefined;
    if (JSON.stringify(progress) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(progress).toEqual(expected);
}

describe('lesson 2, "The overlay fills", in the built activity', () => {
  it('is taken with clicks and typing, and its lesson, step and completion survive reloads', async () => {
    const { page, errors } = await freshPage(builtActivity());
    await page.locator('cellar-toolbar select').first().selectOption('lessons');
    await page.locator('cellar-lesson-list button', { hasText: 'The overlay fills' }).click();
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 1 of 3');
    expect(await text(page, 'cellar-lesson-panel .instruction')).toContain('type dmsetup status');

    // Step 1: the kernel's line.
    expect((await typeInTerminal(page, 'dmsetup status')).exitCode).toBe(0);
    await panel(page, '.explanation').waitFor();
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(/^That is the kernel talking/);
    await panel(page, 'button:has-text("Next")').click();
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 2 of 3');

    // Step 2: photos in the system folder until the overlay has grown by 8 MiB.
    await page.locator('cellar-files button', { hasText: 'System folder' }).click();
    const photo = page.locator('cellar-file-actions button', { hasText: /^\s*Photo/ }).first();
    for (let i = 0; i < 10 && (await panel(page, '.explanation').count()) === 0; i++) await photo.click();
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(
      /^The overlay grew by (8|9|1\d)(\.\d)? MiB/,
    );
    await panel(page, 'button:has-text("Next")').click();
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 3 of 3');

    // The lesson and its step are saved, and come back after a reload.
    await savedProgress(page, {
      current: { lessonId: 'overlay-fills', stepIndex: 2 },
      completed: [],
      challenges: NO_CHALLENGES,
    });
    await page.reload();
    await appReady(page);
    await panel(page, '.instruction').waitFor();
    expect(await text(page, 'cellar-lesson-panel h2')).toBe('The overlay fills');
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 3 of 3');
    expect(await page.locator('cellar-toolbar select').first().inputValue()).toBe('lessons');

    // Step 3, after the reload: the line again, and the number that grew.
    expect((await typeInTerminal(page, 'dmsetup status')).exitCode).toBe(0);
    expect(await text(page, 'cellar-lesson-panel .explanation')).toMatch(
      /the first number went from \d+ to \d+/,
    );
    await panel(page, 'button:has-text("Next")').click();
    expect(await text(page, 'cellar-lesson-panel .complete')).toContain('Lesson complete');
    await savedProgress(page, { current: null, completed: ['overlay-fills'], challenges: NO_CHALLENGES });
    await panel(page, 'button:has-text("Choose another lesson")').click();
    expect(await text(page, 'cellar-lesson-list li:has-text("The overlay fills")')).toContain('✓ Done');

    await page.reload();
    await appReady(page);
    expect(await text(page, 'cellar-lesson-list li:has-text("The overlay fills")')).toContain('✓ Done');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('is taken with the keyboard alone', async () => {
    const { page, errors } = await freshPage(builtActivity());
    const lessonDone = async () => (await panel(page, '.explanation').count()) > 0;
    const typeLine = async (line: string) => {
      await tabTo(page, 'terminal');
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    };

    // The mode list: Lessons is the option above Sandbox.
    await tabTo(page, 'Sandbox');
    await page.keyboard.press('ArrowUp');
    await page.locator('cellar-lesson-list').waitFor();
    await tabTo(page, 'The overlay fills');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ text: expect.stringContaining('type dmsetup status') });

    await typeLine('dmsetup status');
    await panel(page, '.explanation').waitFor();
    await tabTo(page, 'Next', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 2 of 3');

    await tabTo(page, 'System folder');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Photo');
    for (let i = 0; i < 10 && !(await lessonDone()); i++) await page.keyboard.press('Enter');
    expect(await lessonDone()).toBe(true);
    await tabTo(page, 'Next', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await text(page, 'cellar-lesson-panel .step-count')).toBe('Step 3 of 3');

    await typeLine('dmsetup status');
    await panel(page, '.explanation').waitFor();
    await tabTo(page, 'Next', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await text(page, 'cellar-lesson-panel .complete')).toContain('Lesson complete');
    await tabTo(page, 'Choose another lesson');
    await page.keyboard.press('Enter');
    expect(await text(page, 'cellar-lesson-list li:has-text("The overlay fills")')).toContain('✓ Done');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
