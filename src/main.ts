// Entry point of the activity page: registers the elements, then starts the activity on its host.
import { msg, str } from '@lit/localize';
import { startActivity } from './startActivity';
import './ui/cellar-app.js';

const app = document.querySelector('cellar-app');
if (app) {
  startActivity(app).catch((error: unknown) => {
    // Without its host the activity still works, unsaved; the reason is on screen (Sugar shows no console).
    if (!app.session) app.begin(app.startSession());
    app.say(msg(str`Cellar cannot save this time: ${String(error)}`), true);
  });
}
