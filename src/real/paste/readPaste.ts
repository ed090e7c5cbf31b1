// What a learner pastes from a terminal, read into a RealStick: any of the outputs Cellar knows, alone or
// several together, with or without their prompt lines, and a pasted cellar-report/v1 report. Lines that
// cannot be read become problems naming the line and the kind expected; the rest is still read.

import { addReport, isReportLike } from '../readReport';
import type { RealStick } from '../realStick';
import { assembleStick } from './assembleStick';
import { readFindmntJson } from './findmntReader';
import { readLines } from './readLines';
import { addProblem, emptyReadings } from './readings';

/** Source 'paste', unless the paste holds a report: then the report's source and time. */
export function readPaste(text: string): RealStick {
  const readings = emptyReadings('paste');
  if (typeof text !== 'string') {
    addProblem(readings, 'any', null, null, `expected text; found ${typeof text}`);
    return assembleStick(readings);
  }
  readLines(text, readings, {
    readJson(json, lineNumber) {
      if (!isReportLike(json)) return readFindmntJson(json, readings);
      addReport(json, readings, lineNumber);
      return true;
    },
    place: (lineNumber) => ({ lineNumber, prefix: '' }),
  });
  return assembleStick(readings);
}
