// The finder decides between running, installing and the one-line hint, so its edges are tested here.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOW_TO_GET_CHROMIUM, findChromium } from '../../scripts/find-chromium.mjs';
import { canInstallChromium } from '../../scripts/install-chromium.mjs';

const bin = mkdtempSync(join(tmpdir(), 'cellar-bin-'));
const fake = join(bin, 'chromium');
writeFileSync(fake, '#!/bin/sh\n');
chmodSync(fake, 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROME_PATH first', () => {
    expect(findChromium({ CHROME_PATH: fake, PATH: '' })).toBe(fake);
  });

  it('finds nothing when CHROME_PATH is set but wrong, rather than running another browser', () => {
    expect(findChromium({ CHROME_PATH: join(bin, 'missing'), PATH: bin })).toBeUndefined();
  });

  it('tries the fixed paths, then looks on PATH', () => {
    expect(findChromium({ PATH: '' }, [fake])).toBe(fake);
    expect(findChromium({ PATH: bin }, [])).toBe(fake);
  });

  it('finds nothing when nothing is there', () => {
    expect(findChromium({ PATH: '' }, [])).toBeUndefined();
  });

  it('says how to get one in a single line', () => {
    expect(HOW_TO_GET_CHROMIUM).toBe(
      'Cellar tests need Chromium: sudo apt-get install chromium, or set CHROME_PATH',
    );
  });

  it('never installs when CELLAR_NO_INSTALL=1', () => {
    expect(canInstallChromium({ CELLAR_NO_INSTALL: '1' })).toBe(false);
  });
});
