/**
 * Route policy for routes that act on no single dealership but filter what they answer to the
 * caller's own dealerships (the dealership picker, the content-manager column look-ups). They are
 * open to any admin holding at least one EasyCars action; the handler must scope its answer with
 * access.listDealerships / access.managedDealership.
 */
import { errors } from '@strapi/utils';
import { ACTIONS, actionUid, type ActionKey } from '../permissions';

export default (policyContext: any) => {
  const ability = policyContext.state.userAbility;
  const allowed = (Object.keys(ACTIONS) as ActionKey[]).some((key) => ability?.can(actionUid(key)));
  // PolicyError keeps its message (Strapi replaces a ForbiddenError's with "Forbidden").
  if (!allowed) throw new errors.PolicyError('You need an EasyCars permission (e.g. "Read sync logs") for this.');
  return true;
};
