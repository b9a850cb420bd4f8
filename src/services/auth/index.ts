// The auth service: sign-in with throttling, sessions and API tokens.
export { hashSecret, newSecret } from "./secret-token.ts";
export { signIn, type SignInProps } from "./sign-in.ts";
export {
  ACCOUNT_ADDRESS_POLICY,
  ADDRESS_POLICY,
  clearAccountThrottles,
  type ThrottlePolicy,
} from "./sign-in-throttle.ts";
export { unthrottleUser } from "./unthrottle-user.ts";
export { createSession, endSession, sessionOf, SESSION_TTL_MS, type NewSession } from "./sessions.ts";
export { listTokens, mintToken, revokeToken, userOfToken, TOKEN_PREFIX, type ApiToken } from "./api-tokens.ts";
