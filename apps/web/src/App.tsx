import { QueryClientProvider } from '@tanstack/react-query';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { ConversationRoute } from './features/conversations/pages/ConversationPage';
import { MessagingLayout } from './features/conversations/pages/MessagingLayout';
import { NewConversationPage } from './features/conversations/pages/NewConversationPage';
import { NoConversationSelected } from './features/conversations/pages/NoConversationSelected';
import { AppLayout } from './features/layout/AppLayout';
import { queryClient } from './lib/queryClient';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/messages" replace /> },
          {
            path: 'messages',
            element: <MessagingLayout />,
            children: [
              { index: true, element: <NoConversationSelected /> },
              { path: 'new', element: <NewConversationPage /> },
              { path: ':id', element: <ConversationRoute /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
