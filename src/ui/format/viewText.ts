// The text every panel view starts from (the activity's font, size and ink), so they read alike.
import { css } from 'lit';

export const viewText = css`
  :host {
    display: block;
    font:
      14px/1.4 'Noto Sans',
      'DejaVu Sans',
      sans-serif;
    color: #282828;
  }
`;
