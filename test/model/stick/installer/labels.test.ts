// The stick's label after the install and the label in the overlay's name: 2012 relabels every
// stick LIVE; today keeps a label, renames a --label with spaces to underscores, and (reading its
// get_label) keeps only the first word of a label with spaces.

import { describe, expect, it } from 'vitest';
import { SOAS_2012_IMAGE } from '../../../../src/model/stick/installer';
import { bigStick, makeStick, plan } from './helpers';

const OVERLAY = 'livecd-iso-to-disk --overlay-size-mb 100';

describe('in 2012', () => {
  it('relabels any stick LIVE, so a label with spaces never reaches the old refusal', () => {
    const result = plan('soas-2012', `${OVERLAY} SoaS.iso /dev/sdb1`, makeStick({ label: 'MY STICK' }));
    expect(result.label).toBe('LIVE');
    expect(result.overlayFileName).toBe('overlay-LIVE-B6C4-2E19');
    expect(result.notices.find((n) => n.code === 'relabelled')?.message).toContain("'MY STICK' to LIVE");
  });

  it('says nothing when the stick is already LIVE', () => {
    const result = plan('soas-2012', `${OVERLAY} SoaS.iso /dev/sdb1`, makeStick({ label: 'LIVE' }));
    expect(result.notices.map((n) => n.code)).not.toContain('relabelled');
  });
});

describe('today', () => {
  const today = (line: string, label: string) =>
    plan('fedora-today', line, makeStick({ label }), SOAS_2012_IMAGE);

  it('keeps a plain label and names the overlay after it', () => {
    const result = today(`${OVERLAY} SoaS.iso /dev/sdb1`, 'SUGAR');
    expect(result).toMatchObject({ label: 'SUGAR', overlayFileName: 'overlay-SUGAR-B6C4-2E19' });
    expect(result.notices).toEqual([]);
  });

  it('labels a stick without a label LIVE', () => {
    const result = today(`${OVERLAY} SoaS.iso /dev/sdb1`, '');
    expect(result.label).toBe('LIVE');
    expect(result.notices.map((n) => n.code)).toEqual(['relabelled']);
  });

  it('renames a --label with spaces to underscores, with the script’s ALERT', () => {
    const result = today(`${OVERLAY} --label 'MY STICK' SoaS.iso /dev/sdb1`, 'SUGAR');
    expect(result).toMatchObject({ label: 'MY_STICK', overlayFileName: 'overlay-MY_STICK-B6C4-2E19' });
    expect(result.notices[0].scriptText).toBe(
      '\n        ALERT:\n        The LABEL (MY STICK) on /dev/sdb1 has spaces, newlines, or tabs in it.\n' +
        '        Whitespace does not work with the overlay.\n        An attempt to rename the device will be made.\n\n',
    );
  });

  it('names the overlay from the first word of a label with spaces, which the boot will not find', () => {
    const result = today(`${OVERLAY} SoaS.iso /dev/sdb1`, 'MY STICK');
    expect(result).toMatchObject({ label: 'MY STICK', overlayFileName: 'overlay-MY-B6C4-2E19' });
    expect(result.notices.map((n) => n.code)).toEqual(['overlay-name-mismatch']);
  });

  it('labels a formatted stick from --label, cut to what mkfs keeps', () => {
    const stick = bigStick();
    const vfat = plan(
      'fedora-today',
      'livecd-iso-to-disk --format vfat --label SUGARONASTICK SoaS.iso /dev/sdb',
      stick,
      SOAS_2012_IMAGE,
    );
    expect(vfat.label).toBe('SUGARONASTI');
    const ext4 = plan(
      'fedora-today',
      'livecd-iso-to-disk --format ext4 --label SUGARONASTICK2012X SoaS.iso /dev/sdb',
      stick,
      SOAS_2012_IMAGE,
    );
    expect(ext4.label).toBe('SUGARONASTICK201');
  });
});
