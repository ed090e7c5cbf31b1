// The stick's filesystem label after the install, and the label in the overlay's file name
// (overlay-<LABEL>-<UUID>, which dracut rebuilds at boot from blkid's LABEL and UUID).
//
// 2012 (since livecd-tools 47e8800, Nov 2011, "Make sure the target is labeled LIVE"): checkFilesystem
// relabels any target that is not 'LIVE' to LIVE before the overlay checks, so the older refusal of a
// label with spaces (74434ba) can no longer be reached.
// Today: the label is --label, or else what get_label returns: lsblk's LABEL split into words (an
// unquoted array assignment), of which it keeps the first. With an overlay and without --format,
// whitespace in that label is replaced by underscores (only possible when --label has it), and the
// device is relabelled when its label differs; a stick with no label becomes LIVE.

import type { EraId } from '../eras';
import type { ScriptNotice } from './InstallPlan';
import type { StickFilesystem } from './InstallRequest';
import { labelWhitespaceText } from './scriptMessages';

export interface LabelOutcome {
  /** The filesystem label after the install. */
  deviceLabel: string;
  /** The label the overlay file is named with. */
  overlayLabel: string;
  notices: ScriptNotice[];
}

export interface LabelInput {
  era: EraId;
  stickLabel: string;
  /** Today's --label. */
  optionLabel?: string;
  formatted: boolean;
  filesystem: StickFilesystem;
  /** An overlay file will be named from the label (a new one, or one kept by --reset-overlay). */
  overlayNamed: boolean;
  /** --overlay-size-mb was given (today's whitespace check runs only then). */
  overlaySizeGiven: boolean;
  partition: string;
}

function firstWord(label: string): string {
  return label.split(/[ \t\n]+/).find((word) => word !== '') ?? '';
}

function label2012({ stickLabel, formatted }: LabelInput): LabelOutcome {
  const notices: ScriptNotice[] = [];
  if (!formatted && stickLabel !== 'LIVE') {
    notices.push({
      code: 'relabelled',
      scriptText: '',
      message:
        `The 2012 script renames the stick ${stickLabel === '' ? '(it has no label)' : `'${stickLabel}'`} to LIVE ` +
        'before anything else, so the overlay is named overlay-LIVE-<UUID>.',
    });
  }
  return { deviceLabel: 'LIVE', overlayLabel: 'LIVE', notices };
}

function labelToday(input: LabelInput): LabelOutcome {
  const { stickLabel, formatted, filesystem, partition } = input;
  const notices: ScriptNotice[] = [];
  let label = input.optionLabel || firstWord(stickLabel);
  if (input.overlaySizeGiven && !formatted && /\s/.test(label)) {
    notices.push({
      code: 'label-whitespace',
      scriptText: labelWhitespaceText(label, partition),
      message: `A label with spaces breaks the overlay's file name, so the script uses '${label.replace(/\s/g, '_')}' and renames the stick.`,
    });
    label = label.replace(/\s/g, '_');
  }
  if (formatted) {
    const made = (label || 'LIVE').slice(0, filesystem === 'vfat' ? 11 : 16);
    return { deviceLabel: made, overlayLabel: made, notices };
  }
  const current = firstWord(stickLabel);
  if (current === '' && label === '') label = 'LIVE';
  if (label !== current) {
    notices.push({
      code: 'relabelled',
      scriptText: '',
      message: `The script renames the stick ${stickLabel === '' ? '(it has no label)' : `'${stickLabel}'`} to '${label}'.`,
    });
    return { deviceLabel: label, overlayLabel: label, notices };
  }
  if (input.overlayNamed && label !== stickLabel) {
    notices.push({
      code: 'overlay-name-mismatch',
      scriptText: '',
      message:
        `The stick's label '${stickLabel}' has a space. The script keeps only its first word, names the overlay ` +
        `overlay-${label}-<UUID> and leaves the label as it is; at boot dracut looks for overlay-${stickLabel}-<UUID>, ` +
        'does not find it, and uses a temporary overlay. Give --label a name without spaces. ' +
        '(Read from the script and dracut, not tried on a real stick.)',
    });
  }
  return { deviceLabel: stickLabel, overlayLabel: label, notices };
}

export function targetLabel(input: LabelInput): LabelOutcome {
  return input.era === 'soas-2012' ? label2012(input) : labelToday(input);
}
