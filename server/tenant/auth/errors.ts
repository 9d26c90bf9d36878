/**
 * The errors of signing in and of finding credentials, each with a message a
 * person can act on: `NotSignedInError` (no credentials for the profile),
 * `SignInAgainError` (the stored sign-in expired or was revoked),
 * `SignInError` (the browser sign-in failed), `CredentialsError` (the
 * environment or configuration names credentials that cannot be used).
 */

/** The base of every error of this folder. */
export class AuthError extends Error {
  override name = "AuthError";
}

/** No environment credentials, no configured Onsite user and no stored sign-in for the profile. */
export class NotSignedInError extends AuthError {
  override name = "NotSignedInError";
}

/** The stored sign-in cannot be renewed any more (the refresh token expired or was revoked): the user must sign in again. */
export class SignInAgainError extends AuthError {
  override name = "SignInAgainError";
}

/** The interactive sign-in did not complete: refused, abandoned, timed out or answered by something else. */
export class SignInError extends AuthError {
  override name = "SignInError";
}

/** Credentials in the environment or configuration that are incomplete or malformed. */
export class CredentialsError extends AuthError {
  override name = "CredentialsError";
}
