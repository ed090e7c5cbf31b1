// The Up and Down arrows: walking through the lines typed before. Position `entries.length` is the line
// being typed (kept as the draft, so coming back down gives it back, as bash does).

export interface HistoryPosition {
  index: number;
  draft: string;
}

/** Where a new line starts: past the newest entry, nothing typed. */
export function freshPosition(entries: readonly string[]): HistoryPosition {
  return { index: entries.length, draft: '' };
}

/**
 * One step older (`up`) or newer (`down`) from `position`, with `current` the text now in the prompt.
 * Answers the new position and the text to show; at either end it stays where it is.
 */
export function stepHistory(
  entries: readonly string[],
  position: HistoryPosition,
  current: string,
  direction: 'up' | 'down',
): { position: HistoryPosition; line: string } {
  const draft = position.index === entries.length ? current : position.draft;
  const index =
    direction === 'up' ? Math.max(0, position.index - 1) : Math.min(entries.length, position.index + 1);
  if (entries.length === 0) return { position: { index: 0, draft }, line: current };
  return { position: { index, draft }, line: index === entries.length ? draft : entries[index]! };
}
