// internal: a recording's URL as Twilio's callbacks carry it.

/**
 * `RecordingUrl` of a recording: `https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}`
 * (TW-CONF's example `…/Recordings/RE234`, WEBHOOKS.md §2.3; the same URL on recording status and call progress callbacks).
 */
export const recordingUrl = (accountSid: string, recordingSid: string): string =>
  `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`;
