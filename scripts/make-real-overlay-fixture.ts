// `npx tsx scripts/make-real-overlay-fixture.ts`: writes test/fixtures/real/overlay-d_full-P_2464_minus3.bin,
// a real P 8 overlay rebuilt from a recorded exception table, for the tests that load an overlay file.

import { writeFileSync } from 'node:fs';
import { REAL_OVERLAY_FIXTURE, realOverlayFixtureBytes } from '../test/helpers/realOverlayFixture';

writeFileSync(REAL_OVERLAY_FIXTURE, realOverlayFixtureBytes());
console.log(`wrote ${REAL_OVERLAY_FIXTURE}`);
