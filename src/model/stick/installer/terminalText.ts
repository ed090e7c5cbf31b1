// Turns what a script writes (with its carriage returns and backspaces) into what a terminal then
// shows: each line as it finally reads, trailing blanks dropped.

export function terminalText(written: string): string {
  return written
    .split('\n')
    .map((line) => {
      const cells: string[] = [];
      let column = 0;
      for (const ch of line) {
        if (ch === '\r') column = 0;
        else if (ch === '\b') column = Math.max(0, column - 1);
        else {
          while (cells.length < column) cells.push(' ');
          cells[column] = ch;
          column++;
        }
      }
      return cells.join('').trimEnd();
    })
    .join('\n');
}
