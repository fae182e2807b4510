/** A unique-index violation, as PostgreSQL and SQLite report it. */
export const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique constraint|UNIQUE constraint failed/i.test(e?.message ?? '');
};
