// The folders a learner jumps to most, one per store, so each kind of cost is one click away.

import { msg } from '@lit/localize';
import type { EraProfile } from '../../model/stick/eras';

export interface Place {
  path: string;
  label: string;
}

export function placesFor(era: EraProfile): Place[] {
  return [
    { path: '/home/liveuser', label: msg('My home') },
    { path: '/root', label: msg('System folder') },
    { path: '/var/log', label: msg('Logs') },
    { path: '/tmp', label: msg('/tmp') },
    { path: era.deviceMountPath, label: msg('The stick itself') },
  ];
}

/** `/a/b` + `c` → `/a/b/c`. */
export function childPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** `/a/b/c` → `/a/b`. */
export function parentPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}
