/** A request that clashes with the current state (answered 409 by the controllers). */
export class LeadStateConflict extends Error {
  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}
