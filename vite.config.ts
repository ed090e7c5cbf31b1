/// <reference types="vitest/config" />
// Builds one classic (IIFE) script with relative URLs, so the activity runs from file:// (Sugarizer)
// and activity:// (Sugar). Minified to keep the download small on an XO; the source map beside it carries
// our TypeScript as written, so View Source still shows readable code as the Sugar style guide asks.
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
    minify: true,
    sourcemap: true,
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
