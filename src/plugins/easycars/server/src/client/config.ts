/** Base URL resolution and the HTTPS rule. */
import { EasyCarsConfigurationError } from './errors';
import type { EasyCarsEnvironment } from './types';

export const DEFAULT_BASE_URLS: Readonly<Record<EasyCarsEnvironment, string>> = {
  test: 'https://testmy.easycars.com.au/TestECService',
  production: 'https://my.easycars.net.au/ECService',
};

export const BASE_URL_ENV_VARS: Readonly<Record<EasyCarsEnvironment, string>> = {
  test: 'EASYCARS_TEST_BASE_URL',
  production: 'EASYCARS_PRODUCTION_BASE_URL',
};

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Validates and normalises one base URL (no trailing slash). Throws EasyCarsConfigurationError. */
export function checkBaseUrl(environment: EasyCarsEnvironment, url: string, allowInsecureHosts = false): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new EasyCarsConfigurationError(
      `The EasyCars ${environment} base URL is not a valid URL; set ${BASE_URL_ENV_VARS[environment]} to e.g. ${DEFAULT_BASE_URLS[environment]}`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new EasyCarsConfigurationError(`The EasyCars ${environment} base URL must use https (${BASE_URL_ENV_VARS[environment]})`);
  }
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname) && !allowInsecureHosts) {
    throw new EasyCarsConfigurationError(
      `The EasyCars ${environment} base URL ${u.origin} uses plain http; EasyCars credentials must travel over HTTPS. ` +
        `Use an https:// URL in ${BASE_URL_ENV_VARS[environment]} (plain http is only allowed for localhost)`,
    );
  }
  if (u.search || u.hash || u.username || u.password) {
    throw new EasyCarsConfigurationError(`The EasyCars ${environment} base URL must not contain a query, fragment or credentials`);
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export function resolveBaseUrls(
  given: Partial<Record<EasyCarsEnvironment, string>> = {},
  env: Record<string, string | undefined> = process.env,
  allowInsecureHosts = false,
): Record<EasyCarsEnvironment, string> {
  const pick = (e: EasyCarsEnvironment) => given[e] || env[BASE_URL_ENV_VARS[e]]?.trim() || DEFAULT_BASE_URLS[e];
  return {
    test: checkBaseUrl('test', pick('test'), allowInsecureHosts),
    production: checkBaseUrl('production', pick('production'), allowInsecureHosts),
  };
}
