import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError, NetworkError } from './api';
import { tokens } from './tokens';

/** Worth another try: the server was unreachable or failed; a 4xx will answer the same again. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiRequestError && error.status >= 500);
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => isTransient(error) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// Whatever ends the session (sign-out here, in another tab, or a refused refresh), nothing of
// the previous user may stay cached for the next one.
tokens.subscribe(() => {
  if (!tokens.hasSession()) queryClient.clear();
});
