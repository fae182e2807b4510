/** GET /easycars/support: the site's own support, as the operator configured it (plugin config `support`). */
export interface SupportInfo {
  /** Free text: a team, a phone number, an e-mail address. */
  contact: string | null;
  /** An http(s) link, e.g. the internal help desk. */
  url: string | null;
}
