// The LUKS header an encrypted home.img starts with: LUKS1's 4096-sector payload offset in 2012,
// LUKS2's 16 MiB header today.

import { describe, expect, it } from 'vitest';
import { encryptedFilesystemBytes, LUKS_FORMAT } from '../../../../src/model/stick/installer';
import { MIB } from './helpers';

describe('LUKS headers', () => {
  it('take 2 MiB in 2012: 8 key slots of 4000 stripes × 32 bytes, aligned to 1 MiB', () => {
    const slotSectors = Math.ceil((4000 * 32) / 512 / 8) * 8;
    const keySlotsEnd = 8 + 8 * slotSectors;
    expect(keySlotsEnd).toBe(2056);
    expect(Math.ceil(keySlotsEnd / 2048) * 2048 * 512).toBe(LUKS_FORMAT['soas-2012'].headerBytes);
    expect(LUKS_FORMAT['soas-2012']).toEqual({ version: 'LUKS1', headerBytes: 2 * MIB });
  });

  it('take 16 MiB today', () => {
    expect(LUKS_FORMAT['fedora-today']).toEqual({ version: 'LUKS2', headerBytes: 16 * MIB });
  });

  it('leave the rest of home.img to the filesystem, and nothing when it is too small', () => {
    expect(encryptedFilesystemBytes('soas-2012', 200 * MIB)).toBe(198 * MIB);
    expect(encryptedFilesystemBytes('fedora-today', 200 * MIB)).toBe(184 * MIB);
    expect(encryptedFilesystemBytes('fedora-today', 8 * MIB)).toBe(0);
  });
});
