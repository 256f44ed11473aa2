import type { Role } from '@mindsp/contracts';

/** Who is calling, as proven by the access token. The tenant only ever comes from here. */
export interface AuthenticatedUser {
  id: string;
  tenantId: string;
  role: Role;
}

/** The access token's claims. */
export interface AccessTokenPayload {
  sub: string;
  tid: string;
  role: Role;
  /** The session (refresh-token family) the token belongs to: revoking it ends the token. */
  sid: string;
}
