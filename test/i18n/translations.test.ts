// Spanish and French are complete and current: every message in the source has a translation with the
// same placeholders, and the generated modules in src/locales/ are the ones the XLIFF files build.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { templates as es } from '../../src/locales/es';
import { templates as fr } from '../../src/locales/fr';
import { repoPath } from '../build/repo';
import { placeholders, readXliff } from './xliffUnits';

const LANGUAGES = { es, fr };
const unitsOf = (language: string) => readXliff(readFileSync(repoPath(`xliff/${language}.xlf`), 'utf8'));

describe.each(Object.entries(LANGUAGES))('the %s translation', (language, templates) => {
  const units = unitsOf(language);

  it('translates every message, keeping its placeholders', () => {
    expect(units.length).toBeGreaterThan(200);
    for (const unit of units) {
      expect(unit.target, `${unit.id} has no target`).not.toBeNull();
      expect(placeholders(unit.target!).sort(), unit.id).toEqual(placeholders(unit.source).sort());
      expect(unit.target!.join('').trim(), unit.id).not.toBe('');
    }
  });

  it('is built: src/locales has exactly the XLIFF file’s messages', () => {
    expect(Object.keys(templates).sort()).toEqual(units.map((u) => u.id).sort());
  });

  it('shows no HTML entities (every message is plain text, which lit-localize 0.8 would escape)', () => {
    const generated = readFileSync(repoPath(`src/locales/${language}.ts`), 'utf8');
    expect(generated).not.toMatch(/&(lt|gt|amp|quot|apos);/);
  });
});

describe('the XLIFF files', () => {
  const work = mkdtempSync(join(tmpdir(), 'cellar-extract-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Extracting again into a scratch folder finds every msg() in the source: a new or changed message that
  // nobody extracted (and so nobody translated) makes the sets differ.
  it('hold every message in the source, and no other', async () => {
    // Only src/ and the lessons say anything to the learner; reading the tests and scripts too would
    // double the time.
    const tsConfig = { extends: repoPath('tsconfig.json'), include: [repoPath('src'), repoPath('lessons')] };
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify(tsConfig));
    const config = JSON.parse(readFileSync(repoPath('lit-localize.json'), 'utf8'));
    config.tsConfig = join(work, 'tsconfig.json');
    config.output = { mode: 'runtime', outputDir: join(work, 'out') };
    config.interchange = { format: 'xliff', xliffDir: join(work, 'xliff') };
    writeFileSync(join(work, 'lit-localize.json'), JSON.stringify(config));
    const cli = repoPath('node_modules/@lit/localize-tools/bin/lit-localize.js');
    await promisify(execFile)(process.execPath, [
      cli,
      'extract',
      '--config',
      join(work, 'lit-localize.json'),
    ]);
    const fresh = readXliff(readFileSync(join(work, 'xliff/es.xlf'), 'utf8'));
    const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();
    expect(ids(unitsOf('es')), 'run `npm run localize` and translate the new units').toEqual(ids(fresh));
    expect(ids(unitsOf('fr'))).toEqual(ids(fresh));
  }, 180_000);
});
