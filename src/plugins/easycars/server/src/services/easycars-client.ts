import type { Core } from '@strapi/strapi';
import { createEasyCarsClient, type EasyCarsCallEvent, type EasyCarsClient } from '../client';
import type { DecryptedCredential } from '../credentials/types';
import type { PluginConfig } from '../config/schema';
import { getConfig, getService } from '../utils/plugin';
import { rateLimitFor } from '../locks/request-slots';

type CallListener = (event: EasyCarsCallEvent) => void;

/**
 * One EasyCars client per Strapi instance (so tokens and rate limits are shared by every
 * sync and request), configured from the plugin config and logging through Strapi's logger.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let client: EasyCarsClient | undefined;
  const listeners = new Set<CallListener>();

  const build = () =>
    createEasyCarsClient({
      baseUrls: getConfig<PluginConfig['baseUrls']>(strapi, 'baseUrls'),
      timeoutMs: getConfig<PluginConfig['client']>(strapi, 'client').timeoutMs,
      stockListTimeoutMs: getConfig<PluginConfig['client']>(strapi, 'client').stockListTimeoutMs,
      maxRetries: getConfig<PluginConfig['client']>(strapi, 'client').maxRetries,
      allowInsecureHosts: getConfig<PluginConfig['client']>(strapi, 'client').allowInsecureHosts,
      rateLimit: rateLimitFor(strapi),
      logger: {
        debug: (msg: string) => strapi.log.debug(`[easycars] ${msg}`),
        info: (msg: string) => strapi.log.info(`[easycars] ${msg}`),
        warn: (msg: string) => strapi.log.warn(`[easycars] ${msg}`),
        error: (msg: string) => strapi.log.error(`[easycars] ${msg}`),
      },
      onCall: (event) => listeners.forEach((listener) => listener(event)),
    });

  return {
    client(): EasyCarsClient {
      client ??= build();
      return client;
    },
    /** The account-bound API for one dealership's decrypted credential. */
    forCredential(credential: Pick<DecryptedCredential, 'environment' | 'clientId' | 'clientSecret' | 'accountNumber' | 'accountSecret'> & Partial<Pick<DecryptedCredential, 'leadClient' | 'dealership'>>) {
      // Metrics attribute each call to its dealership by the account it names.
      if (credential.dealership) getService(strapi, 'metrics').rememberAccount(credential.environment, credential.accountNumber, credential.dealership);
      return this.client().forAccount({
        environment: credential.environment,
        clientId: credential.clientId,
        clientSecret: credential.clientSecret,
        accountNumber: credential.accountNumber,
        accountSecret: credential.accountSecret,
        leadClient: credential.leadClient ?? null,
      });
    },
    /** Subscribe to every call's outcome (counts API calls per sync, metrics). Returns an unsubscribe. */
    onCall(listener: CallListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
