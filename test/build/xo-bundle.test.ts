// The .xo is what Sugar installs: one <Name>.activity/ folder, index.html at its root, activity/ unchanged.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXo } from './built-xo.js';
import { repoPath } from './repo.js';

const TOP = 'Cellar.activity/';
let entries: Record<string, Uint8Array>;
const text = (path: string) => new TextDecoder().decode(entries[TOP + path]);

beforeAll(async () => {
  entries = await readXo();
}, 120_000);

describe('the .xo bundle', () => {
  it('has a single top folder, Cellar.activity/', () => {
    const tops = new Set(Object.keys(entries).map((path) => path.slice(0, path.indexOf('/') + 1)));
    expect([...tops]).toEqual([TOP]);
  });

  it('has index.html at the root of that folder', () => {
    expect(text('index.html')).toContain('<cellar-app host-managed>');
  });

  it('carries activity/activity.info and the icon unchanged', () => {
    for (const path of ['activity/activity.info', 'activity/activity-icon.svg']) {
      expect(Buffer.from(entries[TOP + path]!).equals(readFileSync(repoPath(path)))).toBe(true);
    }
  });

  it('loads one classic script by a relative URL, never type="module" (refused from file://)', () => {
    const html = text('index.html');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/ src="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('crossorigin');
    expect(Object.keys(entries)).toContain(TOP + scripts[0]!.match(/src="\.\/([^"]+)"/)![1]);
  });

  it('ships one readable script for View Source (each file marked, names kept), and no source map', () => {
    const js = Object.keys(entries).filter((path) => path.endsWith('.js'));
    expect(js).toHaveLength(1);
    const script = text(js[0]!.slice(TOP.length));
    expect(script).toContain('// src/ui/cellar-app.ts');
    expect(script).toContain('var CellarApp = class');
    expect(script).not.toContain('sourceMappingURL');
    expect(Object.keys(entries).filter((path) => path.endsWith('.map'))).toEqual([]);
  });

  it('ships the shell probe, public/cellar-probe.sh, unchanged (the bridge prints the same file)', () => {
    expect(
      Buffer.from(entries[TOP + 'cellar-probe.sh']!).equals(readFileSync(repoPath('public/cellar-probe.sh'))),
    ).toBe(true);
  });

  it("ships Lit's production build, not its larger development one", () => {
    const js = Object.keys(entries).find((path) => path.endsWith('.js'))!;
    expect(text(js.slice(TOP.length))).not.toContain('Lit is in dev mode');
  });
});
