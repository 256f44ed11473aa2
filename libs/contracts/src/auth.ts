export const ROLES = ['admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The signed-in user, as the API returns it and the SPA shows it. */
export interface AuthUser {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
}

export interface LoginRequest {
  /** The organisation's slug, e.g. "demo". */
  tenant: string;
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface LoginResponse extends TokenPair {
  user: AuthUser;
}

export interface UpdateMeRequest {
  locale?: Locale;
  displayName?: string;
}
