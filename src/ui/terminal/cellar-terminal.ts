// Registers <cellar-terminal>.

import { CellarTerminal } from './cellar-terminal.component';

export { CellarTerminal };
export type { TerminalCommandDetail } from './cellar-terminal.component';

if (!customElements.get('cellar-terminal')) customElements.define('cellar-terminal', CellarTerminal);

declare global {
  interface HTMLElementTagNameMap {
    'cellar-terminal': CellarTerminal;
  }
}
