// The page of the browser_status_of_4gib_ms figure: one file input. The overlay chosen goes through
// readOverlayFile, and the time from the file's arrival (the change event) to its status and the status land
// in `window.overlayFigure` for the bench to read.

import { readOverlayFile } from '../src/real/overlayFileReading';

declare global {
  interface Window {
    overlayFigure?: { ms: number; status: unknown } | { error: string };
  }
}

const input = document.createElement('input');
input.type = 'file';
document.body.append(input);
input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  const started = performance.now();
  const reading = await readOverlayFile(file, () => undefined);
  const ms = performance.now() - started;
  window.overlayFigure = reading.ok
    ? { ms, status: reading.stick.snapshot?.status }
    : { error: `${reading.problem}: ${reading.message}` };
});
