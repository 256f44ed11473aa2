import type { Role } from '@mindsp/contracts';

/** The access token's claims. */
export interface AccessTokenPayload {
  sub: string;
  tid: string;
  role: Role;
  /** The session (refresh-token family) the token belongs to: revoking it ends the token. */
  sid: string;
}
