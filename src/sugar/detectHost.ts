// Chooses the host at start-up: Sugar (its injected environment), Sugarizer (its launch parameters and local
// user), or else a plain browser.
import type { Host } from './host';
import { createStandaloneHost } from './standaloneHost';
import { createSugarHost } from './sugarHost';
import { readSugarizerLaunch } from './sugarizerLaunch';
import { createSugarizerHost } from './sugarizerHost';
import { expectsSugar, waitForSugarEnvironment, type SugarWindow } from './sugarEnvironment';

/** How long a page that expects Sugar waits for its environment before running standalone. */
export const SUGAR_ENVIRONMENT_TIMEOUT_MS = 5000;

function readSugarSettings(win: Window): string | null {
  try {
    return win.localStorage.getItem('sugar_settings');
  } catch {
    return null; // storage refused (a sandboxed page): not Sugarizer
  }
}

/**
 * The host this page runs in. Sugar wins when its environment is there or arrives; if its API socket cannot
 * be reached or does not answer, the activity still runs, saving in the browser's storage (which Sugar keeps
 * between launches, sugar.md §8).
 */
export async function detectHost(win: SugarWindow = window): Promise<Host> {
  const environment =
    win.sugar?.environment ??
    (expectsSugar(win) ? await waitForSugarEnvironment(win, SUGAR_ENVIRONMENT_TIMEOUT_MS) : null);
  if (environment) {
    try {
      return await createSugarHost(environment);
    } catch {
      return createStandaloneHost();
    }
  }
  const launch = readSugarizerLaunch(win.location.search, readSugarSettings(win));
  if (launch) return createSugarizerHost(launch);
  return createStandaloneHost();
}
