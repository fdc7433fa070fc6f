/** The error codes clients see in `extensions.code`; mapped to GraphQL once, in the API. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** logIn: the password was right, and the account needs its authenticator code (or a recovery code) too. */
  TWO_FACTOR_REQUIRED = 'TWO_FACTOR_REQUIRED',
  /** logIn: the authenticator or recovery code was wrong, used already, or too old. */
  TWO_FACTOR_INVALID = 'TWO_FACTOR_INVALID',
  /** ADMIN_REQUIRE_2FA: an admin must turn on two-factor sign-in before doing anything else. */
  TWO_FACTOR_SETUP_REQUIRED = 'TWO_FACTOR_SETUP_REQUIRED',
  /** An upload over the size limit (uploads.ts). */
  UPLOAD_TOO_LARGE = 'UPLOAD_TOO_LARGE',
  /** An upload whose bytes are not an allowed kind of file, or not the kind it claims to be. */
  UPLOAD_TYPE_NOT_ALLOWED = 'UPLOAD_TYPE_NOT_ALLOWED',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A rule was broken. The message is written for the person using the app. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, message }]);
  }
  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }
  static forbidden(message = 'You are not allowed to do that.'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }
  static unauthenticated(message = 'Please log in.'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
}
