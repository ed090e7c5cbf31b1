// A tool's output given as bytes (echo, printf, cat): split into the lines the terminal shows, with the
// exact bytes kept for a pipe or a redirection.

import type { CommandResult } from '../types';

export function bytesResult(bytes: string, exitCode = 0, stderr: string[] = []): CommandResult {
  const lines = bytes === '' ? [] : bytes.replace(/\n$/, '').split('\n');
  return { stdout: lines, stderr, exitCode, stdoutBytes: bytes };
}
