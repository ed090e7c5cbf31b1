// One session command carried out on the stick, answering the model's own outcome. Moving a file to
// another store does what `mv` does there: rename(2) answers EXDEV, so the file is copied and then
// deleted (a folder across stores answers EXDEV: Cellar does not copy trees).

import type { Stick } from '../stick/Stick';
import { addCosts, type StickOutcome } from '../stick/stickOutcome';
import type { SessionCommand } from './sessionCommands';
import { whileOff } from './whileOff';

/** A session command that is the stick's own (a new or mirrored stick and time passing are the session's). */
export type StickCommand = Exclude<
  SessionCommand,
  { type: 'new-stick' } | { type: 'mirror-stick' } | { type: 'advance' }
>;

export function runCommand(stick: Stick, command: StickCommand): StickOutcome {
  switch (command.type) {
    case 'write-file':
      return stick.writeFile(command.path, command.sizeBytes);
    case 'delete':
      return stick.deleteFile(command.path, { recursive: true });
    case 'mkdir':
      return stick.mkdir(command.path);
    case 'move':
      return move(stick, command.fromPath, command.toPath);
    case 'install-activity':
      return stick.installActivity(command.name, command.sizeBytes ? { sizeBytes: command.sizeBytes } : {});
    case 'remove-activity':
      return stick.removeActivity(command.name);
    case 'save-journal-entry':
      return stick.saveJournalEntry({ title: command.title, dataBytes: command.dataBytes });
    case 'reboot':
      return stick.reboot();
    case 'refresh-stick':
      return whileOff(stick, () => stick.refresh());
    case 'reset-overlay':
      return whileOff(stick, () => stick.resetOverlay());
    case 'move-to-ram':
      return stick.moveToRam(command.folder);
  }
}

function move(stick: Stick, fromPath: string, toPath: string): StickOutcome {
  const renamed = stick.rename(fromPath, toPath);
  if (renamed.ok || renamed.error !== 'EXDEV') return renamed;
  const found = stick.stat(fromPath);
  if (!found.ok || found.value.kind !== 'file') return renamed;
  const copied = stick.writeFile(toPath, found.value.sizeBytes);
  if (!copied.ok) return copied;
  const removed = stick.deleteFile(fromPath);
  return { ...removed, costs: addCosts(copied.costs, removed.costs) };
}
