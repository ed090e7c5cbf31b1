// The page's start-up: find the host (Sugar, Sugarizer or a plain browser), speak the learner's language,
// give the app the saved stick (or a fresh one), lesson progress and view, then keep them saved: after every
// change and lesson step, on pause and on Stop (save, then leave through the host).

import { Session } from './model/session/Session';
import { isSessionMode } from './model/session/sessionCommands';
import { detectHost } from './sugar/detectHost';
import { startPersistence } from './sugar/persistence';
import type { CellarApp } from './ui/cellar-app';
import { useLanguage } from './ui/localization';

export async function startActivity(app: CellarApp): Promise<void> {
  const host = await detectHost();
  app.colours = host.colours;
  // Sugar's environment names no language; its WebKit follows the desktop's, as navigator.language says.
  await useLanguage(host.language ?? navigator.language);
  let restored: Session | null = null;
  let progress: unknown;
  let view: unknown;
  const persistence = await startPersistence(host, {
    serialize: () => {
      const session = app.session!;
      const saved = { mode: session.mode, stick: session.stick, ledger: session.ledger.save() };
      return { ...saved, samples: session.samples, progress: app.lessonProgress, view: app.view };
    },
    restore: (state) => {
      if (!isSessionMode(state.mode)) return false;
      restored = Session.resume(state.stick, state.mode, { ledger: state.ledger, samples: state.samples });
      progress = state.progress;
      view = state.view;
      return true;
    },
    onProblem: (problem) => app.say(problem.message, true),
  });
  app.begin(restored ?? app.startSession());
  app.restoreLessons(progress);
  // Only with the stick it was saved with: lines typed on another stick would be stale there.
  if (restored) app.restoreView(view);
  app.session?.events.on('changed', () => persistence.changed());
  // A change of the view alone (a line that changed nothing, another folder) writes no 1–2 MB document: the
  // view rides along with the next save (a change, a lesson step, pause, a hidden page, Stop).
  app.addEventListener('cellar-progress', () => persistence.changed());
  app.addEventListener('cellar-stop', () => void persistence.stop());
}
