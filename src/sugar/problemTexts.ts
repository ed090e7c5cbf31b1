// What Cellar tells the learner when saving or loading goes wrong, in a 10-year-old's words.
import { msg } from '@lit/localize';

export type PersistenceProblemCode = 'damaged-save' | 'load-failed' | 'save-failed' | 'stop-not-saved';

export function problemText(code: PersistenceProblemCode): string {
  switch (code) {
    case 'damaged-save':
      return msg(
        'Your saved stick could not be opened, so Cellar started a new one. The old save is kept safe.',
      );
    case 'load-failed':
      return msg(
        'Cellar could not open your saved stick, so it started a new one. It will not save over the old one this time.',
      );
    case 'save-failed':
      return msg('Cellar could not save your stick just now. It will try again when you change something.');
    case 'stop-not-saved':
      return msg(
        'Cellar could not save your stick, so it stays open. Press Stop again to close it without saving.',
      );
  }
}
