// Who Cellar is to its hosts: the bundle id of activity/activity.info, and the name Journal entries start with.

export const BUNDLE_ID = 'org.sugarlabs.Cellar';
export const ACTIVITY_NAME = 'Cellar';
/** The title a new Journal entry gets, as sugar-web names one ("<name> Activity"). */
export const NEW_ENTRY_TITLE = `${ACTIVITY_NAME} Activity`;
