// activity/activity.info is the source of truth; the top-level copy must mirror it byte for byte.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseActivityInfo } from '../../scripts/activity-info.mjs';
import { repoPath } from './repo.js';

const canonical = readFileSync(repoPath('activity/activity.info'));
const info = parseActivityInfo(canonical.toString('utf8'));

describe('activity.info', () => {
  it('the top-level activity.info is a byte-identical mirror of activity/activity.info', () => {
    expect(readFileSync(repoPath('activity.info')).equals(canonical)).toBe(true);
  });

  it('starts with the [Activity] section', () => {
    expect(canonical.toString('utf8').split('\n')[0]).toBe('[Activity]');
  });

  it('has the fields Sugar refuses to run without, with the values Cellar needs', () => {
    expect(info).toMatchObject({
      name: 'Cellar',
      bundle_id: 'org.sugarlabs.Cellar',
      exec: 'sugar-activity-web',
      icon: 'activity-icon',
      license: 'GPL-3.0-or-later',
    });
  });

  it('has a bundle_id that is a reverse domain name with no spaces or hyphens (D-Bus rules)', () => {
    expect(info.bundle_id).toMatch(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/);
  });

  it('has an activity_version that Sugar parses as a normalized version', () => {
    expect(info.activity_version).toMatch(/^\d+(\.\d+)*([-~][A-Za-z0-9.]+)?$/);
  });

  it('has a one-sentence summary and tags', () => {
    expect(info.summary).toMatch(/^[A-Z].{10,150}\.$/);
    expect(info.tags?.split(';')).toContain('Science');
  });

  it('names an icon that exists as activity/<icon>.svg', () => {
    expect(existsSync(repoPath(`activity/${info.icon}.svg`))).toBe(true);
  });
});
