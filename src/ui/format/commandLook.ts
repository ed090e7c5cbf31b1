// The look of a command line or of what a tool printed, shown as a terminal shows it (light on dark, in
// the terminal's font), for rules of elements that quote one: `code { ${commandLook} }`.
import { css } from 'lit';

export const commandLook = css`
  display: block;
  padding: 6px 8px;
  background: #282828;
  color: #ffffff;
  font-family: 'DejaVu Sans Mono', monospace;
  white-space: pre-wrap;
`;
