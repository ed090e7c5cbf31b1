// One planning run: the request, the equivalent command line, the notices the script has printed so
// far, and the way to stop with a refusal that carries them.

import type { EraId } from '../eras';
import type { InstallRefusal, RefusalCode, ScriptNotice } from './InstallPlan';
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

  /** `details`: the numbers behind the refusal, for views that word it in the learner's language. */
  refuse(
    code: RefusalCode,
    scriptText: string,
    message: string,
    details: Pick<InstallRefusal, 'spaceCheck' | 'fatLimit'> = {},
  ): InstallRefusal {
    const refusal: InstallRefusal = {
      outcome: 'refused',
      era: this.era,
      code,
      scriptText,
      message,
      notices: [...this.notices],
      commandLine: this.commandLine,
    };
    if (details.spaceCheck) refusal.spaceCheck = details.spaceCheck;
    if (details.fatLimit) refusal.fatLimit = details.fatLimit;
    return refusal;
  }
}
