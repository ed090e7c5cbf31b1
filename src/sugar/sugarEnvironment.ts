// The environment Sugar injects into the page once it has loaded (sugar.md §3, §8): window.sugar.environment,
// then a call to window.sugar.onEnvironmentSet() if the page set one.

export interface SugarEnvironment {
  activityId: string;
  bundleId: string;
  /** The Journal entry being resumed; null (or absent) for a new one. */
  objectId?: string | null;
  apiSocketPort: number | string;
  apiSocketKey: string;
  activityName?: string;
}

export interface SugarGlobal {
  environment?: SugarEnvironment;
  onEnvironmentSet?: () => void;
}

/** A window that may carry Sugar's global. */
export type SugarWindow = Window & { sugar?: SugarGlobal };

/** Sugar loads activities from activity://<bundle_id>/; a page that already has window.sugar expects it too. */
export function expectsSugar(win: SugarWindow): boolean {
  return win.location.protocol === 'activity:' || typeof win.sugar === 'object';
}

/** The environment if Sugar has set it; waits up to timeoutMs for onEnvironmentSet otherwise; null if it never comes. */
export function waitForSugarEnvironment(
  win: SugarWindow,
  timeoutMs: number,
): Promise<SugarEnvironment | null> {
  if (win.sugar?.environment) return Promise.resolve(win.sugar.environment);
  return new Promise((resolve) => {
    const sugar = (win.sugar ??= {});
    const previous = sugar.onEnvironmentSet;
    const timer = setTimeout(() => resolve(null), timeoutMs);
    sugar.onEnvironmentSet = () => {
      previous?.();
      clearTimeout(timer);
      resolve(sugar.environment ?? null);
    };
  });
}
