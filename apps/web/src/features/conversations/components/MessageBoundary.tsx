import type { MessageView } from '@mindsp/contracts';
import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../../components/ui/ErrorBoundary';
import { MessageFrame } from './MessageFrame';
import { MessageUnavailable } from './MessageUnavailable';

/**
 * One message of the history: if anything of it fails to display (the bubble has its own
 * boundary that keeps the actions; this one catches the rest), a placeholder takes its place,
 * never the history or the app.
 */
export function MessageBoundary({
  message,
  mine,
  children,
}: {
  message: MessageView;
  mine: boolean;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      what={`message ${message.id}`}
      resetKeys={[message.body, message.deletedAt]}
      fallback={
        <MessageFrame
          mine={mine}
          tone="deleted"
          attributes={{ 'data-testid': 'message', 'data-seq': message.seq }}
          bubble={<MessageUnavailable />}
          meta={null}
        />
      }
    >
      {children}
    </ErrorBoundary>
  );
}
