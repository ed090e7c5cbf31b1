// <cellar-chunk-map> drawing a real overlay file: the rebuilt d_full overlay (P 8, 2440/2464 24) fetched
// from test/fixtures/real, read by readOverlayFile and drawn from its OverlayInfo — the summary and the
// canvas count its 302 data chunks, the keyboard reads the header, the areas and "origin chunk M" out,
// there is no replay, and an invalidated copy of the file says so.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { OverlayInfo } from '../../src/model/dm/overlayFile.js';
import { readOverlayFile } from '../../src/real/overlayFileReading.js';
import '../../src/ui/chunk-map/cellar-chunk-map.js';
import type { CellarChunkMap } from '../../src/ui/chunk-map/cellar-chunk-map.js';
import { OverlayLedger } from '../../src/model/stick/overlayLedger.js';
import { makeStick } from '../model/stick/makeStick.js';
import { dataCells } from './chunkMapPixels.js';

const FIXTURE = '/test/fixtures/real/overlay-d_full-P_2464_minus3.bin';

async function fixtureBytes(): Promise<Uint8Array> {
  const response = await fetch(FIXTURE);
  return new Uint8Array(await response.arrayBuffer());
}

async function overlayOf(bytes: Uint8Array): Promise<OverlayInfo> {
  const reading = await readOverlayFile(new File([bytes as Uint8Array<ArrayBuffer>], 'overlay'), () => {});
  if (!reading.ok) throw new Error(reading.message);
  return reading.overlay;
}

async function drawn(el: CellarChunkMap): Promise<CellarChunkMap> {
  await waitUntil(() => el.shadowRoot!.querySelector('canvas') && !el.drawing, 'the map is drawn');
  return el;
}

async function mapOf(overlay: OverlayInfo): Promise<CellarChunkMap> {
  return drawn(
    await fixture<CellarChunkMap>(
      html`<cellar-chunk-map style="width: 600px" .overlay=${overlay}></cellar-chunk-map>`,
    ),
  );
}

const text = (el: CellarChunkMap, selector: string) =>
  el.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();

describe('<cellar-chunk-map> and a real overlay file', () => {
  it('counts the 302 data chunks of 2440/2464 24 in the summary, on the canvas and in the legend', async () => {
    const el = await mapOf(await overlayOf(await fixtureBytes()));
    expect(text(el, '#summary')).to.equal(
      'COW file: 308 chunks of 4 KiB. Header: 1, metadata areas: 2, data chunks: 302, free: 3.',
    );
    expect(dataCells(el)).to.equal(302);
    expect(text(el, 'ul')).to.contain('changes (302)');
    expect(text(el, 'ul')).to.contain('metadata area');
    // A file does not say in which order its chunks were copied: no replay.
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.state')).to.equal(null);
  });

  it('reads chunks out from the keyboard: the header, metadata area 0, then origin chunk M', async () => {
    const overlay = await overlayOf(await fixtureBytes());
    const el = await mapOf(overlay);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    canvas.focus();
    await el.updateComplete;
    expect(text(el, '#readout')).to.match(/^COW chunk 0: the header/);
    const key = async (name: string) => {
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: name }));
      await el.updateComplete;
    };
    await key('ArrowRight');
    expect(text(el, '#readout')).to.equal(
      'COW chunk 1: metadata area 0, recording the 256 data chunks after it',
    );
    await key('ArrowRight');
    const [origin, cow] = overlay.exceptions.toPairs()[0]!;
    expect(cow).to.equal(2);
    expect(text(el, '#readout')).to.equal(`COW chunk 2: origin chunk ${origin}, changes`);
    await key('End');
    expect(text(el, '#readout')).to.equal('COW chunk 307: not handed out yet');
  });

  it('an invalidated copy (valid byte 0) says live-rw is Invalid', async () => {
    const bytes = await fixtureBytes();
    bytes[4] = 0;
    const el = await mapOf(await overlayOf(bytes));
    expect(text(el, '.state')).to.match(/^live-rw is Invalid/);
    expect(text(el, '#summary')).to.contain('data chunks: 302,');
  });

  it('the same element goes from the simulated stick to the real file and draws it afresh', async () => {
    const stick = makeStick({ homeMib: null, overlayMib: 8 });
    const ledger = OverlayLedger.follow(stick);
    stick.boot();
    const el = await drawn(
      await fixture<CellarChunkMap>(
        html`<cellar-chunk-map style="width: 600px" .ledger=${ledger}></cellar-chunk-map>`,
      ),
    );
    expect(text(el, '#summary')).to.match(/^COW file: 2048 chunks/);
    el.ledger = null;
    el.overlay = await overlayOf(await fixtureBytes());
    await el.updateComplete;
    await drawn(el);
    expect(text(el, '#summary')).to.match(/^COW file: 308 chunks/);
    expect(dataCells(el)).to.equal(302);
  });

  it('is accessible', async () => {
    const el = await mapOf(await overlayOf(await fixtureBytes()));
    await expect(el).to.be.accessible();
  });
});
