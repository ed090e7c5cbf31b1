// The sandbox form goes through the era's installer planner: what the script accepts becomes a stick plan,
// what it refuses comes back with the script's reason.

import { describe, expect, it } from 'vitest';
import { Stick } from '../../../src/model/stick/Stick';
import {
  choicesForEra,
  DEFAULT_SANDBOX,
  ERA_DEFAULTS,
  sandboxPlan,
} from '../../../src/model/session/sandboxPlan';
import { spaceShortfall } from '../../../src/model/stick/installer';

describe('sandboxPlan', () => {
  it("turns the wiki's 1 GB stick with a 300 MiB overlay and 200 MiB home into a plan", () => {
    const result = sandboxPlan(DEFAULT_SANDBOX);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.commandLine).toBe(
      'livecd-iso-to-disk --overlay-size-mb 300 --home-size-mb 200 --unencrypted-home Fedora-16-i686-Live-SoaS.iso /dev/sdb1',
    );
    expect(result.plan).toMatchObject({
      era: 'soas-2012',
      capacityBytes: 1e9,
      overlayMib: 300,
      homeMib: 200,
    });
  });

  it('refuses what does not fit on the stick, in the planner’s words', () => {
    const result = sandboxPlan({ era: 'soas-2012', stickGb: 1, overlayMib: 600, homeMib: 200 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.length).toBeGreaterThan(10);
  });

  it('refuses an overlay larger than vfat allows in 2012, saying which file and its largest size', () => {
    const result = sandboxPlan({ era: 'soas-2012', stickGb: 8, overlayMib: 3000, homeMib: 0 });
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'fat-limit', fatLimit: { file: 'overlay', askedMib: 3000, largestMib: 2047 } },
    });
  });

  it('gives the space check with a refusal for room, so a view can say how much is missing', () => {
    const result = sandboxPlan({ era: 'fedora-today', stickGb: 2, overlayMib: 1500, homeMib: 0 });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'no-space' } });
    if (result.ok) return;
    const check = result.refusal!.spaceCheck!;
    expect(check.era).toBe('fedora-today');
    expect(spaceShortfall(check).shortMib).toBeGreaterThan(0);
  });

  it('no overlay and no home: no options', () => {
    const result = sandboxPlan({ era: 'fedora-today', stickGb: 4, overlayMib: 0, homeMib: 0 });
    expect(result).toMatchObject({ ok: true, plan: { overlayMib: null, homeMib: null } });
  });
});

describe('the stick a sandbox plan makes', () => {
  it('has a squashfs.img near the era’s real image size', () => {
    const result = sandboxPlan(DEFAULT_SANDBOX);
    if (!result.ok) throw new Error(result.message);
    const made = Stick.create(result.plan);
    if (!made.ok) throw new Error(made.message);
    const squashfsMib = made.stick.usage().device.images.squashfsBytes / (1024 * 1024);
    expect(squashfsMib).toBeGreaterThan(350);
    expect(squashfsMib).toBeLessThan(500);
  });
});

describe('sizes the script cannot read', () => {
  it('a fraction of a MiB is refused in the script’s words, not thrown', () => {
    const result = sandboxPlan({ era: 'fedora-today', stickGb: 4, overlayMib: 1.5, homeMib: 0 });
    expect(result).toMatchObject({ ok: false, refusal: null });
  });

  it('a negative size is refused too, never read as none', () => {
    expect(sandboxPlan({ ...DEFAULT_SANDBOX, homeMib: -5 })).toMatchObject({ ok: false, refusal: null });
    expect(sandboxPlan({ ...DEFAULT_SANDBOX, overlayMib: -1 }).ok).toBe(false);
  });
});

describe('choicesForEra', () => {
  it('keeps the sizes when they fit the other era', () => {
    const big = { era: 'soas-2012' as const, stickGb: 8, overlayMib: 1000, homeMib: 1000 };
    expect(choicesForEra(big, 'fedora-today')).toEqual({ ...big, era: 'fedora-today' });
  });

  it("falls back to the era's own stick when today's image does not fit the 1 GB stick", () => {
    expect(sandboxPlan({ ...DEFAULT_SANDBOX, era: 'fedora-today' }).ok).toBe(false);
    expect(choicesForEra(DEFAULT_SANDBOX, 'fedora-today')).toEqual(ERA_DEFAULTS['fedora-today']);
    expect(sandboxPlan(ERA_DEFAULTS['fedora-today']).ok).toBe(true);
  });
});

describe('a week on the sandbox stick', () => {
  it('has /usr/lib, where the weekly software update writes', () => {
    const result = sandboxPlan(DEFAULT_SANDBOX);
    if (!result.ok) throw new Error(result.message);
    const made = Stick.create(result.plan);
    if (!made.ok) throw new Error(made.message);
    made.stick.boot();
    const listed = made.stick.list('/usr');
    expect(listed.ok && listed.value.map((e) => e.name)).toContain('lib');
  });
});
