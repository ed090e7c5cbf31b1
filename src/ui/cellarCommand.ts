// The one event views send up: `cellar-command`, carrying what the learner asked for. Views never change
// the model; <cellar-app> hears these and acts (see style.md, "How views observe").

import type { SandboxChoices } from '../model/session/sandboxPlan';
import type { SessionCommand, SessionMode } from '../model/session/sessionCommands';
import type { EraId } from '../model/stick/eras';

/** How fast the simulated clock runs while nobody does anything, in simulated ms per real second. */
export type ClockSpeed = 0 | 60_000 | 3_600_000 | 86_400_000;

export type CellarIntent =
  | SessionCommand
  | { type: 'undo' }
  | { type: 'reset' }
  | { type: 'set-mode'; mode: SessionMode }
  /** The same stick's sizes in another era: a new stick. */
  | { type: 'set-era'; era: EraId }
  /** The sandbox form's choices: the app plans them through the installer and makes the stick. */
  | { type: 'make-sandbox-stick'; choices: SandboxChoices }
  | { type: 'set-clock-speed'; msPerSecond: ClockSpeed }
  | { type: 'open-sandbox-setup' }
  | { type: 'open-help' };

export type CellarCommandEvent = CustomEvent<CellarIntent>;

/** Fires `cellar-command` from a view; it crosses shadow roots up to the app. */
export function sendIntent(from: EventTarget, intent: CellarIntent): void {
  from.dispatchEvent(new CustomEvent('cellar-command', { detail: intent, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'cellar-command': CellarCommandEvent;
  }
}
