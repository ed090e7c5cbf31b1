// Sugarizer's launch as sugar.md §7 records it: `a` names the activity, `aid`/`o` the instance and entry, and
// localStorage.sugar_settings the local user.
import { describe, expect, it } from 'vitest';
import { DEFAULT_XO_COLOURS } from '../../src/sugar/host';
import { readSugarizerLaunch } from '../../src/sugar/sugarizerLaunch';

const SETTINGS = JSON.stringify({
  name: 'Ana',
  colorvalue: { stroke: '#00588C', fill: '#F8E800' },
  language: 'fr',
});

describe('readSugarizerLaunch', () => {
  it('reads the instance, the entry to resume and the local user', () => {
    const launch = readSugarizerLaunch('?aid=a1b2&a=org.sugarlabs.Cellar&n=Cellar&o=obj-9', SETTINGS);
    expect(launch).toEqual({
      activityId: 'a1b2',
      objectId: 'obj-9',
      colours: { stroke: '#00588C', fill: '#F8E800' },
      language: 'fr',
      buddyName: 'Ana',
      buddyColour: { stroke: '#00588C', fill: '#F8E800' },
    });
  });

  it('has no entry to resume without `o`', () => {
    expect(readSugarizerLaunch('?aid=a1b2&a=org.sugarlabs.Cellar&n=Cellar', SETTINGS)?.objectId).toBeNull();
  });

  it('is not a Sugarizer launch for another bundle id, or without a local user', () => {
    expect(readSugarizerLaunch('?aid=a1&a=org.sugarlabs.Paint&n=Paint', SETTINGS)).toBeNull();
    expect(readSugarizerLaunch('?aid=a1&a=org.sugarlabs.Cellar&n=Cellar', null)).toBeNull();
    expect(readSugarizerLaunch('', SETTINGS)).toBeNull();
  });

  it('keeps the default colours and no language when the settings cannot be read', () => {
    const launch = readSugarizerLaunch('?a=org.sugarlabs.Cellar', '{broken');
    expect(launch).toMatchObject({ colours: DEFAULT_XO_COLOURS, language: null, buddyName: null });
  });
});
