/**
 * Checks the host app's content types against what the plugin is configured to use. Pure: it is
 * given the config and a reader of each content type's attributes; nothing writes to the schema.
 */
import type { ContentTypeCheck, FieldCheck, HostRole, SetupProblem, SetupReport } from '../../../shared/setup';
import type { HostConfig } from './config';
import { LEAD_EXPECTED, TYPES_OF_KIND, VEHICLE_EXPECTED, type AttributeKind, type Expected } from './expected-attributes';
import { LEAD_TARGETS } from './lead-field-map';
import { VEHICLE_TARGETS } from '../stock/field-map';

export interface HostAttribute {
  type?: string;
  enum?: string[];
  relation?: string;
  target?: string;
  multiple?: boolean;
}

export interface HostSchema {
  displayName: string | null;
  attributes: Record<string, HostAttribute>;
}

const KIND_WORDS: Record<AttributeKind, string> = {
  text: 'text',
  choice: 'a choice (enumeration or text)',
  number: 'a number',
  boolean: 'a boolean',
  date: 'a date',
  json: 'JSON',
  media: 'media',
  relation: 'a relation',
};

const DEALERSHIP_EXPECTED: Record<'name' | 'timezone' | 'managers' | 'slug', Expected> = {
  name: { kind: 'text' },
  timezone: { kind: 'text' },
  slug: { kind: 'text' },
  managers: { kind: 'relation' },
};

/** Targets whose absence stops the plugin from working at all. */
const ESSENTIAL: Record<HostRole, string[]> = {
  dealership: ['name', 'timezone', 'managers'],
  vehicle: ['dealership', 'stockNumber'],
  lead: ['dealership'],
};

const CONFIG_KEY: Record<HostRole, string> = { dealership: 'dealershipFields', vehicle: 'vehicleFieldMap', lead: 'leadFieldMap' };

function describe(expected: Expected, types: HostConfig['types']): string {
  if (expected.kind === 'relation') {
    return expected.target ? `a relation to ${types[expected.target]}` : 'a manyToMany relation to admin::user';
  }
  const words = `${KIND_WORDS[expected.kind]}: ${TYPES_OF_KIND[expected.kind].join(', ')}`;
  return expected.values ? `${words}, values ${expected.values.join(', ')}` : words;
}

/** Why an existing attribute cannot hold what the plugin writes, or null when it can. */
function incompatibility(attr: HostAttribute, expected: Expected, types: HostConfig['types']): string | null {
  const type = attr.type ?? 'unknown';
  if (!TYPES_OF_KIND[expected.kind].includes(type)) return `is ${type}, needs ${describe(expected, types)}`;
  if (expected.kind === 'relation') {
    const wanted = expected.target ? types[expected.target] : 'admin::user';
    if (attr.target !== wanted) return `points at ${attr.target ?? 'nothing'}, needs ${wanted}`;
    if (expected.target && !['manyToOne', 'oneToOne'].includes(attr.relation ?? '')) return `is ${attr.relation}, needs manyToOne`;
    if (!expected.target && attr.relation !== 'manyToMany') return `is ${attr.relation}, needs manyToMany`;
  }
  if (expected.kind === 'media' && expected.multiple && !attr.multiple) return 'is a single media field, needs multiple';
  if (expected.values && type === 'enumeration') {
    const lacking = expected.values.filter((v) => !(attr.enum ?? []).includes(v));
    if (lacking.length) return `does not list ${lacking.join(', ')} among its values`;
  }
  return null;
}

/** An attribute of the right kind whose name looks like the target: the fix's suggestion. */
function suggestion(target: string, expected: Expected, schema: HostSchema, taken: Set<string>, types: HostConfig['types']): string | null {
  const wanted = target.toLowerCase();
  const fits = Object.entries(schema.attributes).filter(([name, attr]) => !taken.has(name) && !incompatibility(attr, expected, types));
  const named = fits.find(([name]) => name.toLowerCase().includes(wanted) || wanted.includes(name.toLowerCase()));
  return named?.[0] ?? (expected.kind === 'relation' && fits.length === 1 ? fits[0][0] : null);
}

function fixSnippet(role: HostRole, target: string, attribute: string | null, essential: boolean): string {
  const key = CONFIG_KEY[role];
  const value = attribute ? `'${attribute}'` : essential ? "'<attribute name>'" : 'false';
  const hint = attribute ? '' : essential ? '' : " // or the name of the attribute that holds it";
  return `// config/plugins.(js|ts)\neasycars: {\n  config: {\n    ${key}: { ${target}: ${value} },${hint}\n  },\n},`;
}

function checkFields(role: HostRole, uid: string, schema: HostSchema, entries: Array<[string, string | null | false, Expected]>, config: HostConfig, problems: SetupProblem[]): FieldCheck[] {
  const taken = new Set(entries.map(([, a]) => a).filter((a): a is string => typeof a === 'string'));
  return entries.map(([target, attribute, expected]) => {
    const essential = ESSENTIAL[role].includes(target);
    const base = { target, attribute: attribute || null, expected: describe(expected, config.types) };
    if (!attribute) return { ...base, status: 'off', actual: null, message: null };
    const attr = schema.attributes[attribute];
    const why = attr ? incompatibility(attr, expected, config.types) : null;
    if (attr && !why) return { ...base, status: 'ok', actual: attr.type ?? null, message: null };
    const message = attr
      ? `${uid}.${attribute} (${CONFIG_KEY[role]}.${target}) ${why}.`
      : `${uid} has no attribute "${attribute}" (${CONFIG_KEY[role]}.${target}).`;
    const consequence = essential ? ' The plugin cannot work without it.' : ' This field is not synced until it is fixed.';
    problems.push({
      severity: essential ? 'error' : 'warning',
      role,
      target,
      message: message + consequence,
      fix: fixSnippet(role, target, suggestion(target, expected, schema, taken, config.types), essential),
    });
    return { ...base, status: attr ? 'incompatible' : 'missing', actual: attr?.type ?? null, message };
  });
}

export function checkHostSetup(config: HostConfig, schemaOf: (uid: string) => HostSchema | undefined): SetupReport {
  const problems: SetupProblem[] = [];
  const roles: Array<[HostRole, Array<[string, string | null | false, Expected]>]> = [
    ['dealership', (Object.keys(DEALERSHIP_EXPECTED) as Array<keyof typeof DEALERSHIP_EXPECTED>).map((t) => [t, config.dealership[t], DEALERSHIP_EXPECTED[t]])],
    ['vehicle', VEHICLE_TARGETS.map((t) => [t, config.vehicle[t] ?? null, VEHICLE_EXPECTED[t]])],
    ['lead', LEAD_TARGETS.map((t) => [t, config.lead[t] ?? null, LEAD_EXPECTED[t]])],
  ];
  const contentTypes: ContentTypeCheck[] = roles.map(([role, entries]) => {
    const uid = config.types[role];
    const schema = schemaOf(uid);
    const base = { role, uid, configKey: `contentTypes.${role}`, fieldMapKey: CONFIG_KEY[role] };
    if (!schema) {
      problems.push({
        severity: 'error',
        role,
        target: null,
        message: `The ${role} content type ${uid} does not exist (plugin config contentTypes.${role}).`,
        fix: `// config/plugins.(js|ts)\neasycars: {\n  config: {\n    contentTypes: { ${role}: 'api::<your-${role}-type>.<your-${role}-type>' },\n  },\n},`,
      });
      return { ...base, found: false, displayName: null, fields: [] };
    }
    return { ...base, found: true, displayName: schema.displayName, fields: checkFields(role, uid, schema, entries, config, problems) };
  });
  return { contentTypes, problems };
}

/** The start-up message for the problems that stop the plugin, or null when there are none. */
export function blockingSetupMessage(report: SetupReport): string | null {
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (!errors.length) return null;
  return `EasyCars cannot start: the host app does not fit the plugin config.\n${errors.map((e) => `- ${e.message}`).join('\n')}\nSee docs/installing.md (content types and field maps).`;
}
