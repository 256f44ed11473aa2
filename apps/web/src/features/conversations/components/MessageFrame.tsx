import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../../components/ui/ErrorBoundary';
import { MessageUnavailable } from './MessageUnavailable';

const TONES = {
  mine: 'bg-red-700 text-white rounded-br-md',
  pending: 'bg-red-700/70 text-white rounded-br-md',
  failed: 'bg-white text-neutral-900 ring-2 ring-red-300 rounded-br-md',
  theirs: 'bg-white text-neutral-900 ring-1 ring-neutral-200 rounded-bl-md',
  deleted: 'bg-neutral-100 text-neutral-500 ring-1 ring-neutral-200',
};

export type MessageTone = keyof typeof TONES;

interface MessageFrameProps {
  mine: boolean;
  /** Above the bubble: in a group, for someone else's first message of a run. */
  sender?: ReactNode;
  attributes: Record<`data-${string}`, string | number | boolean>;
  tone: MessageTone;
  bubble: ReactNode;
  actions?: ReactNode;
  meta: ReactNode;
  children?: ReactNode;
  /** When one changes (an edit, another mode), a bubble whose display failed is tried again. */
  resetKeys?: readonly unknown[];
}

/**
 * The layout every message shares, stored or pending: sender, bubble, actions, then time and
 * receipt. What the user wrote (the bubble) is rendered inside its own error boundary: a body
 * that breaks rendering shows a placeholder, and the actions beside it (delete among them) stay.
 */
export function MessageFrame({
  mine,
  sender,
  attributes,
  tone,
  bubble,
  actions,
  meta,
  children,
  resetKeys,
}: MessageFrameProps) {
  return (
    <div
      {...attributes}
      className={`group flex flex-col rounded-lg px-1 py-0.5 ${mine ? 'items-end' : 'items-start'}`}
    >
      {sender && (
        <span
          data-testid="message-sender"
          className="mb-0.5 ml-3 text-xs font-semibold text-neutral-600"
        >
          {sender}
        </span>
      )}
      <div
        className={`flex max-w-[85%] items-center gap-1 sm:max-w-[75%] ${mine ? 'flex-row' : 'flex-row-reverse'}`}
      >
        {actions}
        <div
          className={`min-w-0 rounded-2xl px-3.5 py-2 text-[0.95rem] leading-relaxed shadow-xs ${TONES[tone]}`}
        >
          <ErrorBoundary
            what={`message ${String(attributes['data-message-id'] ?? attributes['data-client-message-id'])}`}
            fallback={<MessageUnavailable />}
            resetKeys={resetKeys}
          >
            {bubble}
          </ErrorBoundary>
        </div>
      </div>
      <div className="mt-0.5 flex items-center gap-1.5 px-2 text-xs text-neutral-500">{meta}</div>
      {children}
    </div>
  );
}
