// `cellar status-of OVERLAY_FILE --origin-sectors N`: the line `dmsetup status` would print after
// `dmsetup create` on this overlay. An invalidated overlay is not an error: the kernel prints Invalid.

import { formatDmLine, snapshotStatusParams } from '../../model/dm/dmsetupFormat';
import { OverlayFileError, readOverlay } from '../../model/dm/overlayFile';
import { inputError } from '../CliError';
import { describeFileError, openFileSource } from '../fileSource';

export async function statusOfCommand(
  path: string,
  originSectors: number,
  chunkSectors: number,
): Promise<string> {
  let source;
  try {
    source = await openFileSource(path);
  } catch (error) {
    throw inputError(describeFileError(path, error));
  }
  try {
    const overlay = await readOverlay(source, { chunkSectors });
    return formatDmLine({
      start: 0,
      length: originSectors,
      target: 'snapshot',
      params: snapshotStatusParams(overlay.status),
    });
  } catch (error) {
    if (error instanceof OverlayFileError) throw inputError(`${path}: ${error.message}`);
    throw inputError(describeFileError(path, error));
  } finally {
    await source.close();
  }
}
