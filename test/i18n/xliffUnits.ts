// The units of one lit-localize XLIFF file, read with a few regular expressions (the files are the ones
// lit-localize writes: one <trans-unit> per message, <x id="n" .../> for each placeholder), so the same
// reader serves the Node tests and the browser's pseudo-locale.

/** A piece of a message: text, or the number of the placeholder (`${…}`) it stands for. */
export type Piece = string | number;

export interface XliffUnit {
  id: string;
  source: Piece[];
  target: Piece[] | null;
}

export function readXliff(text: string): XliffUnit[] {
  return [...text.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body!)![1]!;
    const target = /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1];
    return { id: id!, source: pieces(source), target: target === undefined ? null : pieces(target) };
  });
}

/** The placeholder numbers of a message, in order. */
export function placeholders(message: Piece[]): number[] {
  return message.filter((p): p is number => typeof p === 'number');
}

function pieces(xml: string): Piece[] {
  return xml
    .split(/<x id="(\d+)"[^>]*\/>/)
    .map((part, i) => (i % 2 === 1 ? Number(part) : unescapeXml(part)));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
