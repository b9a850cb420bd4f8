// The auth service: passwords, sign-in with throttling, sessions and API tokens.
export { hashPassword, verifyPassword } from "./password-hash.ts";
export { hashSecret, newSecret } from "./secret-token.ts";
export { signIn, type SignInProps } from "./sign-in.ts";
export {
  ACCOUNT_ADDRESS_POLICY,
  ADDRESS_POLICY,
  clearAccountThrottles,
  type ThrottlePolicy,
} from "./sign-in-throttle.ts";
export { createSession, endSession, sessionOf, SESSION_TTL_MS, type NewSession } from "./sessions.ts";
export { listTokens, mintToken, revokeToken, userOfToken, TOKEN_PREFIX, type ApiToken } from "./api-tokens.ts";
