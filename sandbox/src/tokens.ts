/** Signed JWTs, one signing key per service, so a token only works where it was issued. */
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';

export type ServiceName = 'StockService' | 'LeadService';

export type TokenCheck =
  | { ok: true; clientId: string }
  | { ok: false; reason: 'missing' | 'expired' | 'invalid' | 'not-yet-valid' | 'unknown-client' };

export class TokenIssuer {
  private readonly keys: Record<ServiceName, string>;
  constructor(private readonly now: () => number = Date.now) {
    const base = randomBytes(32).toString('hex');
    this.keys = { StockService: `${base}:stock`, LeadService: `${base}:lead` };
  }

  /** `offsetSeconds` shifts iat/nbf/exp (negative = an already expired token). */
  issue(service: ServiceName, clientId: string, ttlSeconds: number, offsetSeconds = 0): string {
    const iat = Math.floor(this.now() / 1000) + offsetSeconds;
    return jwt.sign({ ClientID: clientId, nbf: iat, iat, exp: iat + ttlSeconds }, this.keys[service], {
      algorithm: 'HS256',
    });
  }

  verify(service: ServiceName, authorization: string | undefined, knownClient: (id: string) => boolean): TokenCheck {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) return { ok: false, reason: 'missing' };
    try {
      const payload = jwt.verify(m[1]!, this.keys[service], {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.now() / 1000),
      }) as jwt.JwtPayload;
      const clientId = typeof payload.ClientID === 'string' ? payload.ClientID : '';
      if (!clientId || !knownClient(clientId)) return { ok: false, reason: 'unknown-client' };
      return { ok: true, clientId };
    } catch (e) {
      if (e instanceof jwt.TokenExpiredError) return { ok: false, reason: 'expired' };
      if (e instanceof jwt.NotBeforeError) return { ok: false, reason: 'not-yet-valid' };
      return { ok: false, reason: 'invalid' };
    }
  }
}
