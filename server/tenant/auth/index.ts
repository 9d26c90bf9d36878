/**
 * Signing in to SuperOffice and finding the credentials of API calls: the
 * public surface of `server/tenant/auth/` (browser sign-in with PKCE, the
 * token stores, renewing sessions, environment and Onsite credentials).
 */
export {
  type ApiCredentials,
  CREDENTIAL_VARIABLES,
  type CredentialSource,
  environmentCredentials,
  type OnsiteBasicCredentials,
  onsiteCredentials,
} from "./credentials.js";
export { type ResolveCredentialsOptions, resolveCredentials } from "./credentials.js";
export { AuthError, CredentialsError, NotSignedInError, SignInAgainError, SignInError } from "./errors.js";
export { type LoopbackListener, type LoopbackOptions, startLoopbackListener } from "./loopback.js";
export type { OidcClientConfig } from "./openid.js";
export { type SessionOptions, SuperIdSession } from "./session.js";
export { type LoginOptions, login, logout, type SignInOptions, signIn } from "./sign-in.js";
export {
  DEFAULT_ACCESS_TOKEN_SECONDS,
  environmentOfDiscoveryUrl,
  identityFromClaims,
  isValidProfileName,
  profileName,
  SUPEROFFICE_CLAIMS,
  SUPERID_ENVIRONMENTS,
  type SuperIdEnvironment,
  superIdDiscoveryUrl,
  type TenantIdentity,
} from "./superid.js";
export {
  type ConfigFolderOptions,
  configFolder,
  credentialsPath,
  FileTokenStore,
  MemoryTokenStore,
  type StoredSignIn,
  type TokenStore,
} from "./token-store.js";
