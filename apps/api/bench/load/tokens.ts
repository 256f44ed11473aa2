import { createHmac, randomUUID } from 'node:crypto';

/**
 * Access tokens as auth.service.ts issues them (HS256; claims sub, tid, role, sid, iat, exp),
 * signed here with the bench's JWT_SECRET: logging thousands of users in would spend the run on
 * argon2. `sid` is a real session: the seed gives each user a refresh-token row of that family.
 */
export interface TokenClaims {
  sub: string;
  tid: string;
  role: 'admin' | 'member';
  sid: string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function signAccessToken(claims: TokenClaims, secret: string, ttlSeconds: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}

export const newSessionId = () => randomUUID();
