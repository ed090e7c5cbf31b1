#!/usr/bin/env node
// The `cellar` command: runs the TypeScript sources through tsx's loader, so the checkout needs no build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
