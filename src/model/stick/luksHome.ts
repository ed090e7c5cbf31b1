// An encrypted home.img (livecd-iso-to-disk `--crypted-home`): a LUKS volume whose header comes first
// (its size per era from installer/luks.ts: LUKS1's 2 MiB in 2012, LUKS2's 16 MiB today), then the ext4
// filesystem, smaller than home.img by the header. At boot livesys finds the LUKS volume and asks for the
// passphrase (fedora-live-base.ks, livesys: `plymouth ask-for-password --command="cryptsetup luksOpen
// $homedev EncHome"`), then mounts /dev/mapper/EncHome on /home. When no passphrase opens it, the mount
// fails and /home stays the root's own folder, on the overlay: `useradd` then makes /home/liveuser there
// and everything saved in it costs overlay chunks — a classic pitfall this model shows.

import type { ResolvedStickPlan } from './stickPlan';

/** The mapping livesys opens home.img as. */
export const LUKS_HOME_NAME = 'EncHome';

/** livecd-iso-to-disk's recipes for home.img: on the file itself, or inside the opened LUKS volume. */
export const HOME_MKFS = 'mkfs.ext4 -F -j home.img';
export const ENCRYPTED_HOME_MKFS = 'mkfs.ext4 -j /dev/mapper/EncHomeFoo';

/** cryptsetup's answer to a passphrase that opens no key slot. */
export const WRONG_PASSPHRASE_TEXT = 'No key available with this passphrase.';

/** How home.img stands in a running system: mounted, locked (encrypted, not opened) or absent. */
export type HomeState = 'mounted' | 'locked' | 'none';

export interface HomeImageFacts {
  /** The mkfs command the filesystem inside was made with. */
  mkfs: string;
  /** The bytes the filesystem has: home.img less the LUKS header. */
  filesystemBytes: number;
}

export function homeImageFacts(plan: ResolvedStickPlan, homeBytes: number): HomeImageFacts {
  return plan.homeLuks
    ? { mkfs: ENCRYPTED_HOME_MKFS, filesystemBytes: homeBytes - plan.homeLuks.headerBytes }
    : { mkfs: HOME_MKFS, filesystemBytes: homeBytes };
}

/**
 * Whether a passphrase opens home.img: the plan's, when it has one; any non-empty one otherwise (the
 * model does not know what was typed at luksFormat).
 */
export function passphraseOpens(plan: ResolvedStickPlan, passphrase: string): boolean {
  if (typeof passphrase !== 'string' || passphrase === '') return false;
  return plan.homePassphrase === null || passphrase === plan.homePassphrase;
}

/** What Cellar explains when the boot leaves home.img locked. */
export function lockedHomeText(livePath: string): string {
  return (
    `home.img is encrypted and was not opened, so /home is the root's own folder, on the overlay: what is ` +
    `saved there costs overlay chunks and is hidden once home.img is unlocked (unlockHome) and mounted ` +
    `over it. (${livePath}/LiveOS/home.img itself is untouched.)`
  );
}

/** The note whereIs gives for a path under /home while home.img is locked. */
export const LOCKED_HOME_NOTE =
  'home.img is locked (encrypted, not opened yet): /home here is the overlay’s own folder, so writing ' +
  'costs overlay chunks, and these files will be hidden once home.img is unlocked and mounted over /home.';
