// The app in Spanish and French, in a real browser: the host's language tag picks the locale, and switching
// changes what the toolbar, the gauge and the files say (sizes with a decimal comma), then back to English.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CellarApp } from '../../src/ui/cellar-app.js';
import { formatBytes } from '../../src/ui/format/sizes';
import { localeFor, useLanguage } from '../../src/ui/localization';
import { SMALL_PLAN } from '../ui/uiFixtures';
import { deepText } from './deepDom';

const meterLabel = (app: CellarApp) =>
  app.shadowRoot!.querySelector('cellar-overlay-gauge')!.shadowRoot!.querySelector('[role="meter"]')!
    .ariaLabel;
const viewText = (app: CellarApp, tag: string) => deepText(app.shadowRoot!.querySelector(tag)!);

/** Waits until every view shows `words` (the views re-render a moment after the locale loads). */
async function shows(app: CellarApp, words: Record<string, string>): Promise<void> {
  for (const [tag, word] of Object.entries(words)) {
    await waitUntil(() => viewText(app, tag).includes(word), `<${tag}> never said "${word}"`);
  }
}

describe('languages', () => {
  after(() => useLanguage('en'));

  it('a host language tag picks Spanish, French, or English for the rest', () => {
    expect(localeFor('es-AR')).to.equal('es');
    expect(localeFor('fr_FR')).to.equal('fr');
    expect(localeFor('pt')).to.equal('en');
    expect(localeFor(undefined)).to.equal('en');
  });

  it('switching language changes the toolbar, the gauge and the files', async () => {
    const app = await fixture<CellarApp>(html`<cellar-app .plan=${SMALL_PLAN}></cellar-app>`);
    await shows(app, { 'cellar-toolbar': 'Undo', 'cellar-overlay-gauge': '% used', 'cellar-files': 'Files' });

    await useLanguage('es-AR');
    await shows(app, {
      'cellar-toolbar': 'Deshacer',
      'cellar-overlay-gauge': '% ocupado',
      'cellar-files': 'Archivos',
    });
    expect(viewText(app, 'cellar-toolbar')).not.to.contain('Undo');
    expect(meterLabel(app)).to.equal('Overlay ocupado');
    expect(formatBytes(3_000_000)).to.equal('2,9 MiB');
    expect(document.documentElement.lang).to.equal('es');

    await useLanguage('fr_FR');
    await shows(app, {
      'cellar-toolbar': 'Annuler',
      'cellar-overlay-gauge': '% occupé',
      'cellar-files': 'Fichiers',
    });
    expect(formatBytes(500)).to.equal('500 octets');

    await useLanguage('pt');
    await shows(app, { 'cellar-toolbar': 'Undo', 'cellar-files': 'Files' });
    expect(formatBytes(3_000_000)).to.equal('2.9 MiB');
  });
});
