// A Sugar on a Stick root image to build a stick from, in the `base` shape file-level scenarios use: a
// small Fedora-like tree with the built-in Activities in /usr/share/sugar/activities, and the files the
// quiet writers touch (NetworkManager's timestamps, audit.log). Its default is small (a 64 MiB root with
// a few hundred KiB of files) so a stick builds in milliseconds; a real SoaS root is 4 GiB (2012) or
// 6 GiB with hundreds of MiB in use — pass `rootMib`, `files` and `bytes` for one closer to that.

import type { EraId } from './eras';
import { ERAS } from './eras';
import type { BaseImageSpec } from './extImage';

/** The built-in Activities the base image carries (the SoaS core set, ESTIMATE: a few of them). */
export const BUILT_IN_ACTIVITIES = ['Browse', 'Chat', 'Paint', 'Read', 'Terminal', 'Write'] as const;

export const BUILT_IN_ACTIVITIES_DIR = '/usr/share/sugar/activities';

export interface SugarBaseOptions {
  era?: EraId;
  /** The root image's size (the origin under the overlay), in MiB. */
  rootMib?: number;
  /** Files in each built-in Activity. */
  filesPerActivity?: number;
  /** All files in the tree, the Activities' included. */
  files?: number;
  /** What `du -sk` of the tree would count, in bytes. */
  bytes?: number;
}

const MIB = 1024 * 1024;

/**
 * The root image livecd-creator makes: `mkfs.ext4 -b 4096 -m 1` (imgcreate/fs.py), labelled, named as
 * the era names it (ext3fs.img held ext4 in the 2012 images too).
 */
export function sugarBase(options: SugarBaseOptions = {}): BaseImageSpec {
  const era = ERAS[options.era ?? 'soas-2012'];
  const perActivity = options.filesPerActivity ?? 8;
  const activityFiles = BUILT_IN_ACTIVITIES.length * perActivity;
  return {
    fs: 'ext4',
    size_bytes: (options.rootMib ?? 64) * MIB,
    mkfs: `mkfs.ext4 -F -b 4096 -m 1 -L SoaS-Live ${era.rootImageName}`,
    tree: {
      files: options.files ?? activityFiles + 32,
      bytes: options.bytes ?? 640 * 1024,
      groups: [
        ...BUILT_IN_ACTIVITIES.map((name) => ({
          folder: `${BUILT_IN_ACTIVITIES_DIR}/${name}.activity`,
          count: perActivity,
        })),
        { folder: '/var/lib/NetworkManager', count: 1, bytes_each: 1024, name: 'timestamps' },
        { folder: '/var/log/audit', count: 1, bytes_each: 4096, name: 'audit.log' },
      ],
      folders: ['/var/spool/abrt', '/home', '/root'],
    },
  };
}
