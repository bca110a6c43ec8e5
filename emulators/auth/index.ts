// An Azure AD v2-shaped token issuer shared by the Partner Center and Dataverse emulators.
export { AadError, type AadErrorBody, type AadErrorName } from "./aad-error";
export type { AccessTokenClaims } from "./claims";
export type { TokenResponse } from "./grants";
export type { DelegatedUser, RefreshTokenSeed, RegisteredClient, TokenIssuerOptions } from "./options";
export { registerTokenRoutes, TOKEN_ISSUER_PUBLIC_PATHS } from "./routes";
export type { PublishedJwk } from "./signing-key";
export { createTokenIssuer, type MintOptions, TokenIssuer } from "./token-issuer";
