/**
 * A feed that would remove too much is more likely a wrong account secret, a wrong yard or an
 * EasyCars hiccup than a dealership that sold everything overnight: then nothing is removed and
 * the run ends as a warning that says why.
 */
export interface RemovalDecision {
  allowed: boolean;
  reason?: string;
}

export function decideRemovals(input: { fetched: number; knownInFeed: number; missing: number; maxMissingShare: number }): RemovalDecision {
  const { fetched, knownInFeed, missing, maxMissingShare } = input;
  if (missing === 0) return { allowed: true };
  if (fetched === 0) {
    return {
      allowed: false,
      reason:
        `EasyCars returned an empty stock list while ${missing} vehicle(s) are listed; nothing was removed. ` +
        'Check the account number, account secret and yard code in the EasyCars settings: a wrong account secret can look like an empty feed.',
    };
  }
  const share = knownInFeed > 0 ? missing / knownInFeed : 0;
  if (share > maxMissingShare) {
    return {
      allowed: false,
      reason:
        `${missing} of ${knownInFeed} listed vehicle(s) (${Math.round(share * 100)}%) are missing from the EasyCars feed, ` +
        `more than the allowed ${Math.round(maxMissingShare * 100)}% (sync.maxMissingShare); nothing was removed. ` +
        'If this is expected, raise sync.maxMissingShare for one run or remove the vehicles by hand.',
    };
  }
  return { allowed: true };
}
