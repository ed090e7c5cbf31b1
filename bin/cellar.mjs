#!/usr/bin/env node
// The `cellar` command: runs the TypeScript sources through tsx's loader, so the checkout needs no build.
import { register } from 'tsx/esm/api';

// A reader that goes away early (`cellar replay … | head`) is no error worth a word.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') process.stderr.write(`cellar: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
