// Writes dist/<Name>-<activity_version>.xo from the vite build in dist/ (see xo.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeXo } from './xo.mjs';

const DIST = 'dist';
mkdirSync(DIST, { recursive: true });
const xo = makeXo(DIST);
writeFileSync(join(DIST, xo.name), xo.bytes);
console.log(`${join(DIST, xo.name)}: ${xo.files} files, ${(xo.bytes.length / 1024).toFixed(1)} KiB`);
