import type { Role } from '@mindsp/contracts';

/**
 * Who is calling, as proven by the access token (auth/ proves it, on REST and on sockets). The
 * tenant only ever comes from here. In common/ because every feature and the realtime kernel name it.
 */
export interface AuthenticatedUser {
  id: string;
  tenantId: string;
  role: Role;
}
