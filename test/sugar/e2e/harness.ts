// A page that runs only the saving layer, wired as the app will wire it: detectHost, startPersistence with a
// stick, changed() after each change, stop() on the Stop button. The end-to-end tests drive it.
import type { ActivityState } from '../../../src/sugar/activityDocument';
import { detectHost } from '../../../src/sugar/detectHost';
import { startPersistence } from '../../../src/sugar/persistence';
import { stickState } from '../stickState';

const show = (id: string, text: string) => {
  document.getElementById(id)!.textContent = text;
};

async function main() {
  const host = await detectHost();
  let state: ActivityState = stickState('free');
  let restored = false;
  const persistence = await startPersistence(host, {
    serialize: () => state,
    restore: (saved) => {
      state = saved;
      restored = true;
    },
    onProblem: (problem) => show('problem', problem.message),
  });
  show('host', host.kind);
  show('mode', state.mode);
  show('restored', String(restored));
  document.getElementById('lessons')!.addEventListener('click', () => {
    state = { ...state, mode: 'lessons' };
    show('mode', state.mode);
    persistence.changed();
  });
  document.getElementById('stop')!.addEventListener('click', () => void persistence.stop());
  document.body.dataset.ready = 'true';
}

void main();
