import type { Core } from '@strapi/strapi';
import { getService } from './utils/plugin';
import { trackDocumentMiddlewares } from './utils/document-middlewares';
import { registerDealershipCondition } from './tenancy/condition';
import { registerDealershipGuard } from './tenancy/dealership-guard';
import { registerManagersGuard } from './tenancy/managers-guard';
import { registerDealershipDeletion } from './dealerships/forget-deleted';
import { registerManualEditResolution } from './stock/manual-edit-middleware';
import { guardConnectionSetup } from './utils/connection-setup-guard';
import { guardUnhandledConnectionLoss } from './utils/connection-loss-guard';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the pool opens its first connection (bootstrap): a database restart must not stop the process.
  guardConnectionSetup(strapi);
  guardUnhandledConnectionLoss(strapi);
  // Before any documents.use: the stock sync's bulk create needs to know every middleware it would skip.
  trackDocumentMiddlewares(strapi);
  // Fail fast when the host's content types do not fit the config (contentTypes, field maps).
  getService(strapi, 'setup').checkAtStartup();
  // Fail fast: a missing (in production) or malformed encryption key stops Strapi here,
  // with a message saying how to make one, instead of failing at the first credential save.
  getService(strapi, 'cipher').get();
  getService(strapi, 'leadSync').registerMiddleware();
  // Dealership scoping in the content manager: the RBAC condition filters existing entries,
  // the guards refuse links into another dealership and unauthorised manager changes.
  registerDealershipCondition(strapi);
  registerDealershipGuard(strapi);
  registerManagersGuard(strapi);
  // A deleted dealership takes its EasyCars connection with it (credential, queued and running syncs).
  registerDealershipDeletion(strapi);
  // FR20: saving a field under review in the content manager resolves its conflict.
  registerManualEditResolution(strapi);
};

export default register;
