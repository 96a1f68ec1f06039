/** An error a user can act on: a stable code, a readable message, an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError(`${entity}_not_found`, `${capitalise(entity)} ${id} does not exist in this account`, 404);

export const forbidden = (message: string) => new AppError('forbidden', message, 403);

export const conflict = (code: string, message: string) => new AppError(code, message, 409);

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError(code, message, 422, details);

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');
}

/** PostgreSQL unique violation (SQLSTATE 23505), same on PGlite and pg. */
export function isUniqueViolation(err: unknown, constraintPart?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return false;
  if (!constraintPart) return true;
  return (e.constraint ?? e.message ?? '').includes(constraintPart);
}
