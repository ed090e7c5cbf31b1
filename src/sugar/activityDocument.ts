// The saved activity, `cellar-activity/v1`: one JSON envelope around the stick document, written and read back.
//
// Layout (JSON object):
//   schema    "cellar-activity/v1"  — a reader refuses any other value (a later version bumps the number)
//   mode      non-empty string      — the app's mode, opaque here (the app checks its own values)
//   stick     the `cellar-stick/v2` document of Stick.save() (Stick.restore checks it in depth)
//   ledger    optional, any JSON    — who spent the overlay (OverlayLedger.save()), checked by its reader
//   samples   optional, any JSON    — the usage plot's history (Session.samples), checked by its reader
//   progress  optional, any JSON    — lesson progress, opaque here
//   view      optional, any JSON    — what the learner was looking at (activityView.ts reads it)
import { Stick } from '../model/stick/Stick';

export const ACTIVITY_SCHEMA = 'cellar-activity/v1';

/** What the app saves and gets back. */
export interface ActivityState {
  mode: string;
  stick: Stick;
  ledger?: unknown;
  samples?: unknown;
  progress?: unknown;
  view?: unknown;
}

export type ActivityReadFailureCode =
  'not-json' | 'not-cellar' | 'other-version' | 'bad-mode' | 'stick-refused';

export type ActivityReadResult =
  { ok: true; state: ActivityState } | { ok: false; code: ActivityReadFailureCode; message: string };

/** The state as the text a host stores. */
export function writeActivityDocument(state: ActivityState): string {
  const document: Record<string, unknown> = {
    schema: ACTIVITY_SCHEMA,
    mode: state.mode,
    stick: state.stick.save(),
  };
  if (state.ledger !== undefined) document.ledger = state.ledger;
  if (state.samples !== undefined) document.samples = state.samples;
  if (state.progress !== undefined) document.progress = state.progress;
  if (state.view !== undefined) document.view = state.view;
  return JSON.stringify(document);
}

function refuse(code: ActivityReadFailureCode, message: string): ActivityReadResult {
  return { ok: false, code, message };
}

// A damaged document must never crash the start-up, even one that trips a bug in the model's checks.
function restoreStick(document: unknown): { ok: true; stick: Stick } | { ok: false; message: string } {
  try {
    return Stick.restore(document);
  } catch (error) {
    return { ok: false, message: `the stick reader failed: ${String(error)}` };
  }
}

/** The state back from a stored text, or why it cannot be read; never throws. */
export function readActivityDocument(text: string): ActivityReadResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return refuse('not-json', `The saved text is not JSON: ${String(error)}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return refuse('not-cellar', 'The saved text is not a JSON object.');
  }
  const fields = document as Record<string, unknown>;
  if (typeof fields.schema !== 'string' || !fields.schema.startsWith('cellar-activity/')) {
    return refuse(
      'not-cellar',
      `This is not a saved Cellar activity (schema ${JSON.stringify(fields.schema)}).`,
    );
  }
  if (fields.schema !== ACTIVITY_SCHEMA) {
    return refuse(
      'other-version',
      `Saved by another version of Cellar (${fields.schema}); this one reads ${ACTIVITY_SCHEMA}.`,
    );
  }
  if (typeof fields.mode !== 'string' || fields.mode === '') {
    return refuse('bad-mode', 'The saved activity has no mode.');
  }
  const restored = restoreStick(fields.stick);
  if (!restored.ok) return refuse('stick-refused', `The saved stick cannot be restored: ${restored.message}`);
  const state: ActivityState = { mode: fields.mode, stick: restored.stick };
  if ('ledger' in fields) state.ledger = fields.ledger;
  if ('samples' in fields) state.samples = fields.samples;
  if ('progress' in fields) state.progress = fields.progress;
  if ('view' in fields) state.view = fields.view;
  return { ok: true, state };
}
