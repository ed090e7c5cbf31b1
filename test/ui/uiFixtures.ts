// What the browser tests share: a small stick (built in milliseconds) and a session on it.

import { Session } from '../../src/model/session/Session';
import type { StickPlan } from '../../src/model/stick/stickPlan';

const MIB = 1024 * 1024;

/** Fedora today: 512 MiB stick, 32 MiB overlay, 64 MiB home.img, the small default root. */
export const SMALL_PLAN: StickPlan = {
  era: 'fedora-today',
  capacityBytes: 512 * MIB,
  overlayMib: 32,
  homeMib: 64,
};

export function smallSession(plan: Partial<StickPlan> = {}): Session {
  const made = Session.create({ ...SMALL_PLAN, ...plan });
  if (!made.ok) throw new Error(made.message);
  return made.session;
}

/** The element matching `selector` in `host`'s shadow root; fails the test when missing. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

/** Every element matching `selector` in `host`'s shadow root. */
export function allInShadow<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The shadow-DOM button whose visible text contains `text`. */
export function buttonWithText(host: Element, text: string): HTMLButtonElement {
  const button = allInShadow<HTMLButtonElement>(host, 'button').find((b) => b.textContent!.includes(text));
  if (!button) throw new Error(`no button "${text}" in <${host.localName}>`);
  return button;
}
