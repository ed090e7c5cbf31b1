// What a Sugarizer launch tells the activity (sugar.md §7): the URL parameters the shell adds, and the local
// user in localStorage.sugar_settings.
import { BUNDLE_ID } from './activityIdentity';
import { DEFAULT_XO_COLOURS, type XoColours } from './host';

export interface SugarizerLaunch {
  /** `aid`: this activity instance. */
  activityId: string | null;
  /** `o`: the Journal entry to resume; null for a new one. */
  objectId: string | null;
  colours: XoColours;
  language: string | null;
  /** The learner's name, written into each entry's metadata as Sugarizer does. */
  buddyName: string | null;
  /** sugar_settings.colorvalue as stored, written into each entry's metadata as Sugarizer does. */
  buddyColour: XoColours | null;
}

function isColours(value: unknown): value is XoColours {
  const colours = value as Partial<XoColours> | null;
  return typeof colours?.stroke === 'string' && typeof colours.fill === 'string';
}

/**
 * The launch, when this page was started by Sugarizer for Cellar (`a` is our bundle id and a local user
 * exists); null otherwise.
 */
export function readSugarizerLaunch(search: string, sugarSettings: string | null): SugarizerLaunch | null {
  const params = new URLSearchParams(search);
  if (params.get('a') !== BUNDLE_ID || sugarSettings === null) return null;
  let settings: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(sugarSettings);
    if (typeof parsed === 'object' && parsed !== null) settings = parsed as Record<string, unknown>;
  } catch {
    // Settings we cannot read still mean Sugarizer launched us; only the colours and language are lost.
  }
  const buddyColour = isColours(settings.colorvalue) ? settings.colorvalue : null;
  return {
    activityId: params.get('aid'),
    objectId: params.get('o') || null,
    colours: buddyColour ?? DEFAULT_XO_COLOURS,
    language: typeof settings.language === 'string' ? settings.language : null,
    buddyName: typeof settings.name === 'string' ? settings.name : null,
    buddyColour,
  };
}
