// Fills chunk-views.html: the three overlay views on one used stick (`?overlay=0` for a temporary overlay).
import '../../../src/ui/chunk-map/cellar-chunk-map';
import '../../../src/ui/overlay-spenders/cellar-overlay-spenders';
import '../../../src/ui/usage-plot/cellar-usage-plot';
import { usedStick } from './chunkViewsStick';

const overlayMib = Number(new URLSearchParams(location.search).get('overlay') ?? 96);
const { ledger, samples } = usedStick(overlayMib || null);
document.querySelector('cellar-chunk-map')!.ledger = ledger;
document.querySelector('cellar-overlay-spenders')!.ledger = ledger;
document.querySelector('cellar-usage-plot')!.samples = samples;
document.body.dataset.ready = 'true';
