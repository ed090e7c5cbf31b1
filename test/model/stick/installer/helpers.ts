// Small builders for installer-planner tests: a stick, a request from a typed command line, and
// plan/refusal accessors that fail loudly when the outcome is the other one.

import { expect } from 'vitest';
import type { EraId } from '../../../../src/model/stick/eras';
import {
  FEDORA_TODAY_IMAGE,
  ONE_GB_VFAT_STICK,
  parseInstallCommand,
  planInstall,
  SOAS_2012_IMAGE,
  type InstallPlan,
  type InstallRefusal,
  type InstallRequest,
  type LiveImage,
  type StickDescription,
} from '../../../../src/model/stick/installer';

export const MIB = 1024 * 1024;

export function makeStick(overrides: Partial<StickDescription> = {}): StickDescription {
  return { ...ONE_GB_VFAT_STICK, ...overrides };
}

/** A 16 GiB stick, room enough that only the rule under test can refuse. */
export function bigStick(overrides: Partial<StickDescription> = {}): StickDescription {
  return makeStick({ capacityMib: 16384, filesystemMib: 16000, ...overrides });
}

/** A stick that already carries a 2012 SoaS install: squashfs, osmin, overlay, home and the script. */
export function installedSoasStick(overrides: Partial<StickDescription> = {}): StickDescription {
  return makeStick({
    label: 'LIVE',
    liveOsMib: 410 + 1 + 300 + 200 + 0.05,
    overlayMib: 300,
    homeImg: { sizeMib: 200, encrypted: false },
    bootFilesMib: 21,
    ...overrides,
  });
}

export function defaultImage(era: EraId): LiveImage {
  return era === 'soas-2012' ? SOAS_2012_IMAGE : FEDORA_TODAY_IMAGE;
}

export function requestFor(
  era: EraId,
  line: string,
  stick: StickDescription = makeStick(),
  image: LiveImage = defaultImage(era),
): InstallRequest {
  return { era, stick, image, command: parseInstallCommand(line, era) };
}

export function planned(outcome: InstallPlan | InstallRefusal): InstallPlan {
  if (outcome.outcome !== 'planned') {
    expect.fail(`expected a plan, got a refusal (${outcome.code}): ${outcome.message}`);
  }
  return outcome;
}

export function refused(outcome: InstallPlan | InstallRefusal): InstallRefusal {
  if (outcome.outcome !== 'refused') expect.fail('expected a refusal, got a plan');
  return outcome;
}

export function plan(era: EraId, line: string, stick?: StickDescription, image?: LiveImage): InstallPlan {
  return planned(planInstall(requestFor(era, line, stick, image)));
}

export function refusal(
  era: EraId,
  line: string,
  stick?: StickDescription,
  image?: LiveImage,
): InstallRefusal {
  return refused(planInstall(requestFor(era, line, stick, image)));
}

export function fileAt(plan: InstallPlan, path: string) {
  const file = plan.files.find((candidate) => candidate.path === path);
  if (!file) expect.fail(`no ${path} in the plan: ${plan.files.map((f) => f.path).join(', ')}`);
  return file;
}
