// A pseudo-translation for layout tests: every message ~40 % longer, its letters accented, bracketed
// ("Saved photo.jpg." → "[Ŝàvéđ ƥĥöţö.ĵƥĝ. ~~~~~ ~]"), placeholders kept. It shows text that does not go
// through msg(), and boxes too narrow for the longer words of Spanish or French. Never shipped.

import { str } from '@lit/localize';
import type { Piece, XliffUnit } from './xliffUnits';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnoprstuwyzACEINOSU'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķļɱñöƥŕŝţûŵýžÅÇÉÎÑÖŜÛ'][i]!]),
);

type Template = string | ReturnType<typeof str>;

/** The templates of the pseudo-locale for the messages of an XLIFF file (their sources). */
export function pseudoTemplates(units: XliffUnit[]): Record<string, Template> {
  return Object.fromEntries(units.map((unit) => [unit.id, pseudo(unit.source)]));
}

function pseudo(source: Piece[]): Template {
  const textLength = source.reduce<number>((n, p) => n + (typeof p === 'string' ? p.length : 4), 0);
  const pieces = source.map((p) =>
    typeof p === 'string' ? [...p].map((c) => ACCENTED[c] ?? c).join('') : p,
  );
  const last = pieces.length - 1;
  // The padding is words of tildes, so it wraps where a real translation's words would.
  const padding = '~~~~~ '.repeat(Math.ceil((textLength * 0.4) / 6)).trim();
  const strings = pieces.filter((_, i) => i % 2 === 0) as string[];
  strings[0] = `[${strings[0]}`;
  strings[strings.length - 1] = `${strings[strings.length - 1]} ${padding}]`;
  if (last === 0) return strings[0]!;
  const values = pieces.filter((_, i) => i % 2 === 1) as number[];
  return str(Object.assign(strings, { raw: strings }) as TemplateStringsArray, ...values);
}
