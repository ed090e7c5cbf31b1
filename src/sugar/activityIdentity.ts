// Who Cellar is to its hosts: the bundle id of activity/activity.info, and the name Journal entries start with.

export const BUNDLE_ID = 'org.sugarlabs.Cellar';
export const ACTIVITY_NAME = 'Cellar';
/**
 * The title a new Journal entry gets, in the learner's language as Sugarizer's own activities name theirs
 * ("Cellar Activity", "Actividad Cellar", "Activité Cellar"). A table here, not msg(): Sugarizer's entry is
 * made as the host is found, before the activity's translations are loaded.
 */
export function newEntryTitle(language: string | null): string {
  switch ((language ?? '').toLowerCase().split(/[-_]/)[0]) {
    case 'es':
      return `Actividad ${ACTIVITY_NAME}`;
    case 'fr':
      return `Activité ${ACTIVITY_NAME}`;
    default:
      return `${ACTIVITY_NAME} Activity`;
  }
}
