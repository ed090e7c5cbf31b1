// The installer planner's public API: read a livecd-iso-to-disk command line, plan the install for
// an era, and write the command back.

export type * from './InstallRequest';
export type * from './InstallPlan';
export { CommandLineError, type CommandLineErrorCode } from './CommandLineError';
export { parseInstallCommand } from './parseInstallCommand';
export { formatInstallCommand, shellQuote } from './formatInstallCommand';
export { planInstall } from './planInstall';
export { LUKS_FORMAT, encryptedFilesystemBytes, type LuksFormat } from './luks';
export {
  DEFAULT_UUID_AFTER_FORMAT,
  FEDORA_TODAY_IMAGE,
  INSTALLER_SCRIPT_BYTES,
  ONE_GB_VFAT_STICK,
  SOAS_2012_IMAGE,
} from './assumptions';
export { FAT_MAX_FILE_BYTES, MIB_BYTES } from './sizes';
export type { FatLimitDetail, FatLimitedFile } from './fatLimit';
export { spaceShortfall, type SpaceShortfall } from './spaceShortfall';
