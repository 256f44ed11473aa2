import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './retry';
import { tokens } from './tokens';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// Whatever ends the session (sign-out here, in another tab, or a refused refresh), nothing of
// the previous user may stay cached for the next one.
tokens.subscribe(() => {
  if (!tokens.hasSession()) queryClient.clear();
});
