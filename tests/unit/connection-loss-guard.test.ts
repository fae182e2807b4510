import { guardUnhandledConnectionLoss, isConnectionLoss, releaseConnectionLossGuard } from '../../src/plugins/easycars/server/src/utils/connection-loss-guard';

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('isConnectionLoss', () => {
  it('knows a query whose connection the database ended', () => {
    expect(isConnectionLoss(pgError('select "t0".* from "vehicles" - terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('does not take any other failure for one', () => {
    expect(isConnectionLoss(pgError('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isConnectionLoss(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isConnectionLoss('terminating')).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });
});

describe('guardUnhandledConnectionLoss', () => {
  afterEach(() => releaseConnectionLossGuard());

  const listener = () => process.listeners('unhandledRejection').at(-1) as (reason: unknown) => void;

  it('logs a lost background query instead of stopping the process, and lets anything else stop it', () => {
    const warnings: string[] = [];
    const before = process.listeners('unhandledRejection').length;
    guardUnhandledConnectionLoss({ log: { warn: (m: string) => warnings.push(m) } } as any);
    guardUnhandledConnectionLoss({ log: { warn: (m: string) => warnings.push(m) } } as any);
    expect(process.listeners('unhandledRejection')).toHaveLength(before + 1);
    expect(() => listener()(pgError('terminating connection due to administrator command', '57P01'))).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('lost with its connection: terminating connection due to administrator command')]);
    const bug = new TypeError('a real bug');
    expect(() => listener()(bug)).toThrow(bug);
  });

  it('is removed when Strapi stops', () => {
    const before = process.listeners('unhandledRejection').length;
    guardUnhandledConnectionLoss({ log: { warn: () => undefined } } as any);
    releaseConnectionLossGuard();
    expect(process.listeners('unhandledRejection')).toHaveLength(before);
  });
});
