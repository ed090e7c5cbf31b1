// How much of an encrypted home.img the LUKS header takes, so how much is left for the ext4 inside.
//
// 2012: cryptsetup 1.4 (Fedora 16/17) writes LUKS1. Its header (2 sectors, rounded up to 8) is
// followed by 8 key slots of 4000 anti-forensic stripes × the key size (32 bytes for the default
// 256-bit aes), each rounded up to 8 sectors: 8 + 8 × 256 = 2056 sectors. The payload then starts at
// the next 1 MiB boundary (DEFAULT_DISK_ALIGNMENT): 4096 sectors = 2 MiB. Source: cryptsetup v1_4_1
// lib/luks1/keymanage.c (LUKS_generate_phdr) and lib/internal.h; a luksDump of such a volume shows
// "Payload offset: 4096", key material at 8, 264, ….
//
// Today: cryptsetup ≥ 2.1.0 (Feb 2019) formats LUKS2 by default (configure.ac
// --with-default-luks-format), and LUKS2_DEFAULT_HDR_SIZE is 16 MiB (lib/luks2/luks2.h): two
// metadata copies and the key-slot area, the data offset being 32768 sectors.

import type { EraId } from '../eras';
import { MIB_BYTES } from './sizes';

export interface LuksFormat {
  version: 'LUKS1' | 'LUKS2';
  /** Where the encrypted filesystem starts inside home.img. */
  headerBytes: number;
}

export const LUKS_FORMAT: Record<EraId, LuksFormat> = {
  'soas-2012': { version: 'LUKS1', headerBytes: 4096 * 512 },
  'fedora-today': { version: 'LUKS2', headerBytes: 16 * MIB_BYTES },
};

/** The ext4 filesystem an encrypted home.img of `homeBytes` can hold (0 when the header does not fit). */
export function encryptedFilesystemBytes(era: EraId, homeBytes: number): number {
  return Math.max(0, homeBytes - LUKS_FORMAT[era].headerBytes);
}
