// The keys the whole activity answers, in one table: the app's key handler and the shortcuts dialog both
// read it, so the dialog cannot promise a key that does nothing.

import { msg } from '@lit/localize';
import type { CellarIntent } from '../cellarCommand';

export interface Shortcut {
  /** As shown in the dialog. */
  keys: string;
  does: () => string;
  matches: (event: KeyboardEvent) => boolean;
  /** The intent it sends; null for Stop, which is not a command. */
  intent: CellarIntent | 'stop';
}

const DAY_MS = 24 * 3600 * 1000;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: 'Ctrl+Z',
    does: () => msg('Undo the last step'),
    // In a text field Ctrl+Z undoes the typing, as everywhere else.
    matches: (e) => e.ctrlKey && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTyping(e),
    intent: { type: 'undo' },
  },
  {
    keys: 'Alt+B',
    does: () => msg('Reboot the stick'),
    matches: (e) => e.altKey && e.code === 'KeyB',
    intent: { type: 'reboot' },
  },
  {
    keys: 'Alt+D',
    does: () => msg('Fast-forward one day'),
    matches: (e) => e.altKey && e.code === 'KeyD',
    intent: { type: 'advance', ms: DAY_MS },
  },
  {
    keys: '?',
    does: () => msg('Open this help'),
    matches: (e) => e.key === '?' && !isTyping(e),
    intent: { type: 'open-help' },
  },
  {
    keys: 'Ctrl+Q',
    does: () => msg('Stop the activity (your work is kept)'),
    matches: (e) => e.ctrlKey && e.key.toLowerCase() === 'q',
    intent: 'stop',
  },
];

/** A key typed into a text field is text, not a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}
