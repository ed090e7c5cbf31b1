// strerror(3): the words glibc gives each kernel error code, which every tool prints after its own prefix.

const TEXTS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
  EFBIG: 'File too large',
  EROFS: 'Read-only file system',
  EIO: 'Input/output error',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  ENXIO: 'No such device or address',
  ENODEV: 'No such device',
  EPERM: 'Operation not permitted',
  EACCES: 'Permission denied',
  EXDEV: 'Invalid cross-device link',
  ENAMETOOLONG: 'File name too long',
};

export function errnoText(code: string): string {
  return TEXTS[code] ?? code;
}
