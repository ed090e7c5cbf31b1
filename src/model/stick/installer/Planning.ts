// One planning run: the request, the equivalent command line, the notices the script has printed so
// far, and the way to stop with a refusal that carries them.

import type { EraId } from '../eras';
import type { InstallRefusal, RefusalCode, ScriptNotice, SpaceCheck } from './InstallPlan';
import type { InstallOptions, InstallRequest } from './InstallRequest';
import { formatInstallCommand } from './formatInstallCommand';

export class Planning {
  readonly era: EraId;
  readonly options: InstallOptions;
  readonly commandLine: string;
  readonly notices: ScriptNotice[] = [];

  constructor(readonly request: InstallRequest) {
    this.era = request.era;
    this.options = request.command.options;
    this.commandLine = formatInstallCommand(request.command, request.era);
  }

  notice(notice: ScriptNotice): void {
    this.notices.push(notice);
  }

  refuse(code: RefusalCode, scriptText: string, message: string, spaceCheck?: SpaceCheck): InstallRefusal {
    const refusal: InstallRefusal = {
      outcome: 'refused',
      era: this.era,
      code,
      scriptText,
      message,
      notices: [...this.notices],
      commandLine: this.commandLine,
    };
    if (spaceCheck) refusal.spaceCheck = spaceCheck;
    return refusal;
  }
}
