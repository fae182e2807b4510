/**
 * tsx resolves the "module-sync" export condition, so `require('generator-function')` (used by
 * koa through is-generator-function) gets the package's ESM namespace instead of its function
 * and Strapi cannot start. Plain Node and Jest pick the CommonJS file; do the same here.
 */
import Module from 'node:module';
import path from 'node:path';

const target = path.resolve(__dirname, '..', '..', 'node_modules', 'generator-function', 'index.js');
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function resolve(this: unknown, request: string, ...rest: unknown[]) {
  if (request === 'generator-function') return target;
  return original.call(this, request, ...rest);
};
