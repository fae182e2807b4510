/**
 * docs/api/openapi.yaml documents every route the plugin registers, and nothing else: the paths and
 * methods, the controller action (`x-strapi-handler`), the RBAC actions (`x-permissions`) and the
 * dealership scope (`x-dealership-scope`) are compared with the plugin's route arrays (Strapi's `:id`
 * is OpenAPI's `{id}`). The document is checked as OpenAPI 3.1 by hand (no validator is installed):
 * the required objects, unique operationIds, declared path parameters, and every `$ref` resolving.
 * docs/api.md must name every documented route too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import pluginRoutes from '../../../src/plugins/easycars/server/src/routes';
import { MANAGES_DEALERSHIP_POLICY, OWN_DEALERSHIPS_POLICY, SITE_WIDE_POLICY } from '../../../src/plugins/easycars/server/src/utils/route';

const DOCS = path.join(__dirname, '../../../docs');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
/** Where Strapi serves a plugin's admin routes: /<plugin name><route path>. */
const PREFIX = '/easycars';

interface Route {
  method: string;
  path: string;
  handler: string;
  config?: { auth?: boolean; policies?: Array<string | { name: string; config?: any }> };
}

const doc = parse(fs.readFileSync(path.join(DOCS, 'api/openapi.yaml'), 'utf8'));
const routes = (pluginRoutes as unknown as Record<string, { routes: Route[] }>).admin!.routes;

const toOpenApiPath = (strapiPath: string) => PREFIX + strapiPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function operations(): Array<{ key: string; path: string; method: string; op: any; pathItem: any }> {
  return Object.entries(doc.paths ?? {}).flatMap(([p, item]: [string, any]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${p}`, path: p, method: m, op: item[m], pathItem: item })),
  );
}

/** What the route declares, in the document's words. */
function declared(route: Route) {
  const policies = route.config?.policies ?? [];
  const named = (name: string) => policies.find((p) => (typeof p === 'string' ? p : p.name) === name);
  const permissions = (named('admin::hasPermissions') as { config?: { actions?: string[] } } | undefined)?.config?.actions ?? [];
  const manages = named(MANAGES_DEALERSHIP_POLICY) as { config: { from: string; optional?: boolean } } | undefined;
  const scope =
    route.config?.auth === false
      ? 'public'
      : manages
        ? { from: manages.config.from, ...(manages.config.optional ? { optional: true } : {}) }
        : named(OWN_DEALERSHIPS_POLICY)
          ? 'own-dealerships'
          : named(SITE_WIDE_POLICY)
            ? 'site-wide'
            : 'undeclared';
  return { handler: route.handler, permissions: [...permissions].sort(), scope };
}

function resolveRef(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), doc);
}

function refsIn(node: unknown, at = '#'): Array<{ ref: string; at: string }> {
  if (Array.isArray(node)) return node.flatMap((n, i) => refsIn(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ ref: v, at }] : refsIn(v, `${at}/${k}`)));
}

const withRef = (p: any) => (p?.$ref ? resolveRef(p.$ref) : p) as { name?: string; in?: string; required?: boolean } | undefined;

describe('docs/api/openapi.yaml', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info?.title).toBe('string');
    expect(typeof doc.info?.version).toBe('string');
    expect(doc.paths && typeof doc.paths).toBe('object');
    for (const scheme of Object.values<any>(doc.components?.securitySchemes ?? {})) expect(['http', 'apiKey', 'oauth2', 'openIdConnect', 'mutualTLS']).toContain(scheme.type);
    for (const requirement of [...(doc.security ?? []), ...operations().flatMap((o) => o.op.security ?? [])]) {
      for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty([name]);
    }

    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { key, path: p, op, pathItem } of operations()) {
      if (!p.startsWith('/')) problems.push(`${key}: a path starts with /`);
      if (!op.operationId) problems.push(`${key}: no operationId`);
      else if (ids.has(op.operationId)) problems.push(`${key}: operationId ${op.operationId} is used twice`);
      else ids.add(op.operationId);
      const responses = Object.entries<any>(op.responses ?? {});
      if (!responses.length) problems.push(`${key}: no responses`);
      for (const [code, res] of responses) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) problems.push(`${key}: response key ${code}`);
        if (!withRef(res) || typeof (withRef(res) as any).description !== 'string') problems.push(`${key} ${code}: a response needs a description`);
      }
      const params = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map(withRef);
      for (const param of params) {
        if (!param?.name || !['query', 'header', 'path', 'cookie'].includes(param.in ?? '')) problems.push(`${key}: parameter ${JSON.stringify(param)} needs a name and a valid "in"`);
      }
      const inTemplate = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
      const pathParams = params.filter((x) => x?.in === 'path');
      if (JSON.stringify(pathParams.map((x) => x!.name).sort()) !== JSON.stringify(inTemplate)) problems.push(`${key}: path parameters ${pathParams.map((x) => x!.name)} do not match the template`);
      for (const param of pathParams) if (param!.required !== true) problems.push(`${key}: path parameter ${param!.name} must be required`);
    }
    for (const { ref, at } of refsIn(doc)) if (resolveRef(ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);
    expect(problems).toEqual([]);
  });

  it('documents every route the plugin registers, and no other', () => {
    expect(routes.length).toBeGreaterThan(40);
    const registered = routes.map((r) => `${r.method.toUpperCase()} ${toOpenApiPath(r.path)}`);
    const documented = operations().map((o) => o.key);
    // A route missing here: add it to docs/api/openapi.yaml (and docs/api.md).
    expect(registered.filter((k) => !documented.includes(k))).toEqual([]);
    // A documented route that the plugin does not register: remove or correct it.
    expect(documented.filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('states each route’s handler, permissions and dealership scope as the plugin declares them', () => {
    const mismatches = routes.flatMap((route) => {
      const key = `${route.method.toUpperCase()} ${toOpenApiPath(route.path)}`;
      const op = doc.paths?.[toOpenApiPath(route.path)]?.[route.method.toLowerCase()];
      if (!op) return [];
      const documented = { handler: op['x-strapi-handler'], permissions: [...(op['x-permissions'] ?? [])].sort(), scope: op['x-dealership-scope'] };
      const actual = declared(route);
      return JSON.stringify(documented) === JSON.stringify(actual) ? [] : [{ key, documented, actual }];
    });
    expect(mismatches).toEqual([]);
  });

  it('answers 401 and 403 on every admin route, and 404 wherever the dealership comes from the request', () => {
    const missing = routes.flatMap((route) => {
      const op = doc.paths?.[toOpenApiPath(route.path)]?.[route.method.toLowerCase()];
      if (!op) return [];
      const { scope } = declared(route);
      if (scope === 'public') return [];
      const wanted = ['401', '403', ...(typeof scope === 'object' ? ['404'] : [])];
      const codes = Object.keys(op.responses ?? {});
      return wanted.filter((c) => !codes.includes(c)).map((c) => `${route.method} ${route.path}: ${c}`);
    });
    expect(missing).toEqual([]);
  });

  it('is described route by route in docs/api.md', () => {
    const page = fs.readFileSync(path.join(DOCS, 'api.md'), 'utf8');
    const absent = operations()
      .map((o) => `${o.method.toUpperCase()} ${o.path}`)
      .filter((k) => !page.includes(`\`${k}\``));
    expect(absent).toEqual([]); // each as a heading such as ### `GET /easycars/credentials`
  });
});
