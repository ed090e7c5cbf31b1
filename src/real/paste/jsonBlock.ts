// Where a JSON value pasted over several lines ends: brackets are counted outside strings, and a shell
// prompt met before they balance ends a broken block, so the outputs after it are still read.

export function jsonBlockEnd(
  lines: string[],
  start: number,
  isPrompt: (line: string) => boolean,
): { after: number; closed: boolean } {
  let depth = 0;
  let inString = false;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (index > start && depth > 0 && !inString && isPrompt(line)) return { after: index, closed: false };
    for (let at = 0; at < line.length; at++) {
      const char = line[at];
      if (inString) {
        if (char === '\\') at++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) return { after: index + 1, closed: true };
      }
    }
  }
  return { after: lines.length, closed: false };
}
