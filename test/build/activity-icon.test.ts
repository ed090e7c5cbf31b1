// Sugar and sugar-web recolour the icon by regex on its two ENTITY lines, so their exact form matters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from './repo.js';

const svg = readFileSync(repoPath('activity/activity-icon.svg'), 'utf8');
const [doctype = '', body = ''] = svg.split(/\]>\s*\n/);

describe('activity-icon.svg', () => {
  it('declares stroke_color and fill_color in the DOCTYPE, one per line, in double quotes', () => {
    expect(doctype).toMatch(/^<!ENTITY stroke_color "#[0-9A-Fa-f]{6}">$/m);
    expect(doctype).toMatch(/^<!ENTITY fill_color "#[0-9A-Fa-f]{6}">$/m);
    expect(svg.match(/<!ENTITY/g)).toHaveLength(2);
  });

  it('uses Sugar defaults for the entities (black stroke, white fill)', () => {
    expect(doctype).toContain('<!ENTITY stroke_color "#010101">');
    expect(doctype).toContain('<!ENTITY fill_color "#FFFFFF">');
  });

  it('draws with the entities only, so every colour follows the learner', () => {
    expect(body).toContain('&stroke_color;');
    expect(body).toContain('&fill_color;');
    expect(body).not.toMatch(/#[0-9A-Fa-f]{3,6}\b|rgb\(/);
  });

  it('is 55×55', () => {
    expect(body).toMatch(/<svg[^>]*\bwidth="55"[^>]*\bheight="55"[^>]*\bviewBox="0 0 55 55"/);
  });

  it('has a favicon that is the same drawing in fixed colours', () => {
    const resolved = svg
      .replace(/<!DOCTYPE[\s\S]*?\]>\n/, '')
      .replaceAll('&stroke_color;', '#282828')
      .replaceAll('&fill_color;', '#FFFFFF');
    expect(readFileSync(repoPath('public/favicon.svg'), 'utf8')).toBe(resolved);
  });
});
