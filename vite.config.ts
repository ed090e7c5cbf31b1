/// <reference types="vitest/config" />
// Builds one classic (IIFE) script with relative URLs, so the activity runs from file:// (Sugarizer)
// and activity:// (Sugar). Not minified, and no source map: the script itself is the readable source Sugar's
// View Source shows (names, file markers), and the .xo stays within its 500 KiB. A minified script with a
// map carrying our TypeScript made a 880 KiB .xo; minifying alone gained no start-up time (measured with
// `npm run bench`, which weighs both figures).
import { defineConfig, type Plugin } from 'vite';

// Vite always injects <script type="module" crossorigin>, even for iife, and Chromium refuses
// module scripts from file://. This turns it back into a plain deferred script.
function classicScript(): Plugin {
  return {
    name: 'classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<script type="module" crossorigin src="([^"]+)"><\/script>/g,
          '<script defer src="$1"></script>',
        ),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [classicScript()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: false,
    rolldownOptions: { output: { format: 'iife' } },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.browser.test.ts'],
    // Property and kernel-replay tests run for a second or two; a loaded CI machine must not fail them.
    testTimeout: 20_000,
  },
});
