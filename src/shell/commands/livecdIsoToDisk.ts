// `livecd-iso-to-disk`: the installer, as a planner — what the stick's era's script would make of the line
// on a 1 GB FAT stick: its messages, its refusal in its own words, or the files it would write. It
// plans only; the stick in Cellar stays as it is.

import { msg } from '@lit/localize';
import {
  CommandLineError,
  FEDORA_TODAY_IMAGE,
  ONE_GB_VFAT_STICK,
  SOAS_2012_IMAGE,
  parseInstallCommand,
  planInstall,
  shellQuote,
} from '../../model/stick/installer';
import { humanSize } from '../humanSize';
import { fail, ok, type ShellCommand } from '../types';

export const livecdIsoToDisk: ShellCommand = {
  name: 'livecd-iso-to-disk',
  get summary() {
    return msg('Plans how a Live image would be put on a stick (it only plans, it changes nothing).');
  },
  changesModel: false,
  run({ args, session }) {
    const era = session.era;
    const line = ['livecd-iso-to-disk', ...args].map((w) => shellQuote(w)).join(' ');
    let command;
    try {
      command = parseInstallCommand(line, era);
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      const text = error.scriptText || `livecd-iso-to-disk: ${error.message}`;
      return error.reason === 'help' ? ok(lines(text)) : fail(1, lines(text));
    }
    const image = era === 'soas-2012' ? SOAS_2012_IMAGE : FEDORA_TODAY_IMAGE;
    const result = planInstall({ era, stick: ONE_GB_VFAT_STICK, image, command });
    const notices = result.notices.flatMap((n) => lines(n.scriptText));
    if (result.outcome === 'refused') {
      return { stdout: notices, stderr: [...lines(result.scriptText), `# ${result.message}`], exitCode: 1 };
    }
    return ok([
      ...notices,
      `# The stick ${result.targetPartition} (${result.filesystem}, label ${result.label}) would hold:`,
      ...result.files.map((f) => `#   ${f.path}  ${humanSize(f.sizeBytes)}`),
      `# with ${humanSize(result.freeBytes)} left free. Cellar only plans: your stick is unchanged.`,
    ]);
  },
};

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
