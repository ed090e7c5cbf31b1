// The files a learner can make with one click, at the sizes the design names (photo 3 MB, Activity 2 MB,
// video 200 MB, update 150 MB). MB here is 1 000 000 bytes, as file managers and shops count.

export type FilePresetId = 'photo' | 'activity' | 'video' | 'update';

export interface FilePreset {
  id: FilePresetId;
  sizeBytes: number;
  /** The name the new file gets (a number is added when it is taken). */
  fileName: string;
}

const MB = 1_000_000;

export const FILE_PRESETS: readonly FilePreset[] = [
  { id: 'photo', sizeBytes: 3 * MB, fileName: 'photo.jpg' },
  { id: 'activity', sizeBytes: 2 * MB, fileName: 'activity.xo' },
  { id: 'video', sizeBytes: 200 * MB, fileName: 'video.ogv' },
  { id: 'update', sizeBytes: 150 * MB, fileName: 'update.rpm' },
];

/** `photo.jpg`, or `photo-2.jpg`, `photo-3.jpg`… when the name is taken. */
export function freeFileName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const stem = dot > 0 ? wanted.slice(0, dot) : wanted;
  const ext = dot > 0 ? wanted.slice(dot) : '';
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!taken.has(name)) return name;
  }
}
