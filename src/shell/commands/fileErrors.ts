// How coreutils tools word a failure on a file: `ls: cannot access 'x': No such file or directory`.

import { errnoText } from '../errnoText';

export function cannot(tool: string, action: string, path: string, error: string): string {
  return `${tool}: cannot ${action} '${path}': ${errnoText(error)}`;
}
