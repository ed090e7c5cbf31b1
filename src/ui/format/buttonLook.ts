// The look of the activity's plain buttons (white, a dark rounded border, at least 44 px high), for
// rules of elements whose buttons stand beside one another: `button { ${buttonLook} }`.
import { css } from 'lit';

export const buttonLook = css`
  min-height: 44px;
  padding: 0 14px;
  font: inherit;
  border: 2px solid #282828;
  border-radius: 6px;
  background: #ffffff;
  cursor: pointer;
`;
