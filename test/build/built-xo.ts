// Gives the build tests a current .xo: reuses dist/ when it is newer than every input, else builds it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unzipSync } from 'fflate';
import { readActivityInfo } from '../../scripts/activity-info.mjs';
import { ROOT, repoPath } from './repo.js';

// Everything the bundle is made from; package-lock.json stands for the installed libraries.
const INPUTS = [
  'index.html',
  'src',
  'lessons',
  'public',
  'activity',
  'LICENSE',
  'vite.config.ts',
  'scripts/bundle.mjs',
  'package-lock.json',
];
const LOCK = repoPath('.cache/bundle.lock');
const STALE_LOCK_MS = 120_000;

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtimeMs(join(path, name))));
}

/** Path of the .xo that `npm run bundle` writes, from activity/activity.info. */
export function xoPath(): string {
  const info = readActivityInfo(repoPath('activity/activity.info'));
  return repoPath(`dist/${info.name}-${info.activity_version}.xo`);
}

function isFresh(xo: string): boolean {
  return existsSync(xo) && statSync(xo).mtimeMs >= Math.max(...INPUTS.map((p) => newestMtimeMs(repoPath(p))));
}

// vitest runs test files in parallel: a directory made with mkdir lets one of them build while the others wait.
async function withLock<T>(work: () => T): Promise<T> {
  mkdirSync(repoPath('.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run would otherwise block every later one.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the .xo unless a current one exists (the type check is the typecheck step's job, not ours). */
export async function ensureXo(): Promise<string> {
  const xo = xoPath();
  return withLock(() => {
    if (!isFresh(xo)) {
      // vitest sets NODE_ENV=test, which would make vite build Lit's development version.
      const env = { ...process.env, NODE_ENV: 'production' };
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, env, stdio: 'inherit' });
      execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    return xo;
  });
}

/** The .xo's entries: path inside the zip → bytes. */
export async function readXo(): Promise<Record<string, Uint8Array>> {
  return unzipSync(readFileSync(await ensureXo()));
}
