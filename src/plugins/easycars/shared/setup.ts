/** GET /easycars/setup (the setup check) and GET /easycars/setup/content-types: shared by server and admin. */

export type HostRole = 'dealership' | 'vehicle' | 'lead';

export interface HostContentTypesView {
  dealership: string;
  vehicle: string;
  lead: string;
}

export type FieldCheckStatus = 'ok' | 'off' | 'missing' | 'incompatible';

export interface FieldCheck {
  /** The plugin's name for the field (a key of vehicleFieldMap / leadFieldMap / dealershipFields). */
  target: string;
  /** The host attribute it is mapped to; null when turned off. */
  attribute: string | null;
  status: FieldCheckStatus;
  /** What the plugin needs, in words ("a number: integer, biginteger, decimal or float"). */
  expected: string;
  /** The attribute's type in the host schema, when it exists. */
  actual: string | null;
  message: string | null;
}

export interface ContentTypeCheck {
  role: HostRole;
  uid: string;
  /** The plugin config key that names it (contentTypes.vehicle…). */
  configKey: string;
  found: boolean;
  displayName: string | null;
  /** The config key of its field map (vehicleFieldMap, leadFieldMap, dealershipFields). */
  fieldMapKey: string;
  fields: FieldCheck[];
}

export interface SetupProblem {
  /** error: the plugin cannot work (start-up stops); warning: that field is not synced until fixed. */
  severity: 'error' | 'warning';
  role: HostRole;
  target: string | null;
  message: string;
  /** A config/plugins snippet that fixes it. */
  fix: string | null;
}

export interface SetupReport {
  contentTypes: ContentTypeCheck[];
  problems: SetupProblem[];
}
