// Which language the activity speaks: English in the source, Spanish and French from the translators' XLIFF
// files (xliff/, turned into src/locales/ by `npm run localize`). All translations are bundled: they are
// small, and the activity must work offline from file:// and activity://, where loading more is fragile.

import { configureLocalization } from '@lit/localize';
import { templates as es } from '../locales/es';
import { templates as fr } from '../locales/fr';
import { sourceLocale, targetLocales } from '../locales/localeCodes';

type TargetLocale = (typeof targetLocales)[number];
export type Locale = typeof sourceLocale | TargetLocale;

const TEMPLATES: Record<TargetLocale, typeof es> = { es, fr };

// Configured on first use, not on import: lit allows one configuration per page, and a test page that
// never picks a language may configure its own (the long pseudo-translation of the layout test).
let configured: ReturnType<typeof configureLocalization> | null = null;

function localization(): ReturnType<typeof configureLocalization> {
  configured ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (locale) => ({ templates: TEMPLATES[locale as TargetLocale] }),
  });
  return configured;
}

/**
 * The locale for a language tag as hosts give it (`es-AR`, `fr_FR`, `pt`…): its language if Cellar speaks
 * it, else English.
 */
export function localeFor(language: string | null | undefined): Locale {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return (targetLocales as readonly string[]).includes(primary ?? '')
    ? (primary as TargetLocale)
    : sourceLocale;
}

/**
 * Switches every element to the language (Sugarizer's user language, else the browser's), and says it on the
 * page so a screen reader reads the words with the right voice.
 */
export async function useLanguage(language: string | null | undefined): Promise<void> {
  const locale = localeFor(language);
  await localization().setLocale(locale);
  document.documentElement.lang = locale;
}

/** The language spoken now, for numbers: a decimal comma in Spanish and French. */
export function currentLocale(): Locale {
  return (configured?.getLocale() as Locale | undefined) ?? sourceLocale;
}
