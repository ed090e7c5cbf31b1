// The new Journal entry's title speaks the learner's language, as Sugarizer's own activities' do.
import { describe, expect, it } from 'vitest';
import { newEntryTitle } from '../../src/sugar/activityIdentity';

describe('newEntryTitle', () => {
  it('follows the language tag the host gives, English otherwise', () => {
    expect(newEntryTitle('es')).toBe('Actividad Cellar');
    expect(newEntryTitle('fr-FR')).toBe('Activité Cellar');
    expect(newEntryTitle('en-US')).toBe('Cellar Activity');
    expect(newEntryTitle('pt')).toBe('Cellar Activity');
    expect(newEntryTitle(null)).toBe('Cellar Activity');
  });
});
