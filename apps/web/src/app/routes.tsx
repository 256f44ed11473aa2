import { Navigate, type RouteObject, createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { ConversationRoute } from '../features/conversations/pages/ConversationPage';
import { MessagingLayout } from '../features/conversations/pages/MessagingLayout';
import { NewConversationPage } from '../features/conversations/pages/NewConversationPage';
import { NoConversationSelected } from '../features/conversations/pages/NoConversationSelected';
import { AlertPage } from '../features/alerts/pages/AlertPage';
import { NewAlertPage } from '../features/alerts/pages/NewAlertPage';
import { AppLayout } from './AppLayout';
import { RequireAdmin } from './RequireAdmin';
import { RouteError } from './RouteError';
import { AnnouncementPage } from '../features/notifications/pages/AnnouncementPage';
import { NotificationSettingsPage } from '../features/notifications/pages/NotificationSettingsPage';
import { NotificationsPage } from '../features/notifications/pages/NotificationsPage';
import { QueuesPage } from '../features/queues/pages/QueuesPage';
import { PeopleAdminPage } from '../features/people-admin/pages/PeopleAdminPage';

/**
 * Every route shows RouteError in place of its own element when that element fails to render,
 * so one broken page leaves the layout and the other routes usable.
 */
function withErrorPages(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) => ({
    ...route,
    errorElement: <RouteError />,
    children: route.children && withErrorPages(route.children),
  })) as RouteObject[];
}

/** Every page of the app, behind sign-in except the login page; admin pages behind RequireAdmin. */
export const router = createBrowserRouter(
  withErrorPages([
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
            { path: 'notifications', element: <NotificationsPage /> },
            { path: 'settings/notifications', element: <NotificationSettingsPage /> },
            { path: 'alerts/new', element: <NewAlertPage /> },
            { path: 'alerts/:id', element: <AlertPage /> },
            {
              path: 'admin',
              element: <RequireAdmin />,
              children: [
                { index: true, element: <Navigate to="/admin/queues" replace /> },
                { path: 'queues', element: <QueuesPage /> },
                { path: 'people', element: <PeopleAdminPage /> },
                { path: 'announcements', element: <AnnouncementPage /> },
              ],
            },
          ],
        },
      ],
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ]),
);
