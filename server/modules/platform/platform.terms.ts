// The platform's value lists, shared with the web app (imports nothing).

/**
 * How a consent was given: by the person themself in their account ("self"), on the public form
 * ("online_form"), or to the caseworker who counsels them, who records it ("in_person", "on_paper", "phone").
 */
export const CONSENT_CHANNELS = ['self', 'online_form', 'in_person', 'on_paper', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
/** The channels a caseworker records a consent given to them by. */
export const RECORDED_CHANNELS = [
  'in_person',
  'on_paper',
  'phone',
] as const satisfies readonly ConsentChannel[];

/**
 * The coarse description of a session's device, read from the User-Agent at sign-in: the browser family and the
 * operating system, nothing finer (no versions, no address). The raw User-Agent is not stored.
 */
export const SESSION_BROWSERS = ['edge', 'opera', 'samsung', 'firefox', 'chrome', 'safari'] as const;
export type SessionBrowser = (typeof SESSION_BROWSERS)[number];
export const SESSION_SYSTEMS = ['android', 'ios', 'windows', 'macos', 'chromeos', 'linux'] as const;
export type SessionSystem = (typeof SESSION_SYSTEMS)[number];
