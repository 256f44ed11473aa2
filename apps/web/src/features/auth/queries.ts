import type {
  AuthUser,
  Locale,
  LoginRequest,
  LoginResponse,
  UpdateMeRequest,
} from '@mindsp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { client, dataOf, publicClient } from '../../lib/api';
import { tokens } from '../../lib/tokens';
import i18n from '../../i18n';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** True while this browser holds a session (any tab may end it). */
export function useHasSession(): boolean {
  return useSyncExternalStore(tokens.subscribe, tokens.hasSession);
}

export function useMe() {
  const hasSession = useHasSession();
  return useQuery({
    queryKey: authKeys.me,
    queryFn: ({ signal }): Promise<AuthUser> => dataOf(client.GET('/api/auth/me', { signal })),
    enabled: hasSession,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered inside `RequireAuth`. */
export function useCurrentUser(): AuthUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser() is only available inside RequireAuth');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // A 401 here means wrong credentials, not an expired session: no refresh.
    mutationFn: (input: LoginRequest): Promise<LoginResponse> =>
      dataOf(publicClient.POST('/api/auth/login', { body: input })),
    onSuccess: async ({ accessToken, refreshToken, user }) => {
      // The user is cached before the tokens are stored, so the protected page renders at once.
      queryClient.setQueryData(authKeys.me, user);
      await i18n.changeLanguage(user.locale);
      tokens.set({ accessToken, refreshToken });
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      const refreshToken = tokens.get()?.refreshToken;
      try {
        if (refreshToken) await client.POST('/api/auth/logout', { body: { refreshToken } });
      } catch {
        // Revoking on the server is best effort: signing out of this browser must always work.
      } finally {
        tokens.clear();
      }
    },
  });
}

/**
 * Switches the language at once, then saves it to the user's profile. If saving fails the
 * chosen language stays on screen (the caller says it was not saved); the profile's wins at
 * the next load.
 */
export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale): Promise<AuthUser> =>
      dataOf(client.PATCH('/api/auth/me', { body: { locale } satisfies UpdateMeRequest })),
    onMutate: (locale) => i18n.changeLanguage(locale),
    onSuccess: (user) => queryClient.setQueryData(authKeys.me, user),
  });
}
