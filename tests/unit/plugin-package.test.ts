/**
 * The plugin is a package of its own (issue "The plugin installs into any Strapi 5 app"):
 *  (a) every bare import in its admin, server and shared sources names a package it declares
 *      (dependencies or peerDependencies) or a Node built-in; sub-paths such as
 *      `@strapi/strapi/admin` count as their package. A package that is only a devDependency
 *      would be bundled into dist (sdk-plugin externalises dependencies and peers only) or be
 *      missing once installed from npm.
 *  (b) `npm pack --dry-run` of the plugin holds only the built admin and server (dist/),
 *      package.json, README.md, CHANGELOG.md and LICENSE: no sources, no tests, nothing of the host.
 *      dist is built first when a file the package exports is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '../..');
const PLUGIN = path.join(ROOT, 'src/plugins/easycars');
const SOURCE_DIRS = ['admin/src', 'server/src', 'shared'];
const PACKAGE_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

type PackageJson = {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};
const pkg: PackageJson = JSON.parse(fs.readFileSync(path.join(PLUGIN, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(d.name) && !/\.d\.ts$/.test(d.name) ? [full] : [];
  });
}

/** `@scope/name/sub/path` → `@scope/name`, `name/sub/path` → `name`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

/** Bare specifiers of imports, re-exports, `import()` and `require()` with a literal argument. */
function bareImports(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(PLUGIN, dir)))) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      const where = found.get(specifier) ?? [];
      where.push(path.relative(PLUGIN, file));
      found.set(specifier, where);
    }
  }
  return found;
}

describe('strapi-plugin-easycars as a package', () => {
  it('declares every package its admin, server and shared code imports', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const imports = bareImports();
    // The scan must see the code: the admin and the server import Strapi, the server imports zod.
    expect([...imports.keys()]).toEqual(expect.arrayContaining(['@strapi/strapi', '@strapi/strapi/admin', '@strapi/design-system', 'zod']));
    const undeclared = [...imports.entries()]
      .filter(([specifier]) => !isBuiltin(specifier) && !declared.has(packageOf(specifier)))
      .map(([specifier, files]) => `${specifier} (imported in ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`);
    expect(undeclared).toEqual([]);
  });

  it('declares the peers Strapi 5 provides to plugins', () => {
    expect(pkg.peerDependencies).toEqual(
      expect.objectContaining({
        '@strapi/strapi': expect.stringMatching(/^\^5/),
        '@strapi/design-system': expect.stringMatching(/^\^2/),
        '@strapi/icons': expect.stringMatching(/^\^2/),
        react: '^17.0.0 || ^18.0.0',
        'react-dom': '^17.0.0 || ^18.0.0',
        'react-router-dom': expect.stringMatching(/^\^6/),
        'styled-components': expect.stringMatching(/^\^6/),
        'react-query': '^3.39.3',
      }),
    );
  });

  describe('npm pack', () => {
    /** The files the exports map points at, which Strapi loads (types are left to `strapi-plugin verify`). */
    const exportedFiles = Object.values(pkg.exports)
      .flatMap((target) => (typeof target === 'string' ? [target] : [target.import, target.require, target.default]))
      .filter((file): file is string => Boolean(file))
      .map((file) => path.posix.normalize(file));
    const missingBuild = () => exportedFiles.filter((file) => !fs.existsSync(path.join(PLUGIN, file)));
    let buildTool: string | null = null;
    try {
      buildTool = require.resolve('@strapi/sdk-plugin/package.json', { paths: [PLUGIN] });
    } catch {
      buildTool = null;
    }
    const canPack = buildTool !== null || missingBuild().length === 0;
    const packIt = canPack ? it : it.skip;
    if (!canPack) {
      // eslint-disable-next-line no-console
      console.warn(`plugin-package: dist is not built (${missingBuild().join(', ')}) and @strapi/sdk-plugin is not installed, so the tarball is not checked`);
    }

    let packed: string[] = [];
    beforeAll(() => {
      if (!canPack) return;
      if (missingBuild().length) execFileSync('npm', ['run', 'build'], { cwd: PLUGIN, stdio: 'pipe' });
      const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PLUGIN, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const [report] = JSON.parse(out) as { files: { path: string }[] }[];
      packed = report!.files.map((f) => f.path);
    }, 300_000);

    packIt('holds only dist, package.json, README.md, CHANGELOG.md and LICENSE', () => {
      const stray = packed.filter((file) => !file.startsWith('dist/') && !PACKAGE_FILES.includes(file));
      expect(stray).toEqual([]);
      expect(packed.filter((file) => /(^|\/)(\.tmp|__tests__|tests?)\/|\.(test|spec)\.[jt]sx?$/.test(file))).toEqual([]);
      expect(PACKAGE_FILES.filter((file) => !packed.includes(file))).toEqual([]);
    });

    packIt("has every module its type declarations import (the types of shared/ are built into dist/shared)", () => {
      const declarations = packed.filter((file) => file.endsWith('.d.ts'));
      expect(declarations.length).toBeGreaterThan(50);
      const unresolved: string[] = [];
      for (const file of declarations) {
        const text = fs.readFileSync(path.join(PLUGIN, file), 'utf8');
        for (const [, specifier] of text.matchAll(/(?:from\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier!));
          if (![`${target}.d.ts`, `${target}/index.d.ts`, target].some((candidate) => packed.includes(candidate))) unresolved.push(`${file} → ${specifier}`);
        }
      }
      expect(unresolved).toEqual([]);
    });

    packIt('holds the built admin and server that the exports map points at', () => {
      expect(exportedFiles.length).toBeGreaterThanOrEqual(6);
      expect(exportedFiles.filter((file) => file !== 'package.json' && !packed.includes(file))).toEqual([]);
    });
  });
});
