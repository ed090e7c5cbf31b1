// Paths into the repository, so the build tests work from any working directory.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Absolute path of a file given relative to the repository root. */
export const repoPath = (relativePath: string): string =>
  fileURLToPath(new URL(`../../${relativePath}`, import.meta.url));
