import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { formatWait } from '../../../lib/retryAfter';
import type { PendingMessage } from '../cache/pending';
import { MessageAttachments } from '../../files/components/MessageAttachments';
import { MessageBody } from './MessageBody';
import { MessageFrame } from './MessageFrame';

/** A message typed here, shown at once while it is being sent (or after it failed). */
export function PendingMessageBubble({
  pending,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const failed = pending.status === 'failed';
  return (
    <MessageFrame
      mine
      attributes={{
        'data-testid': 'message',
        'data-pending': pending.status,
        'data-client-message-id': pending.clientMessageId,
        'data-mine': true,
      }}
      tone={failed ? 'failed' : 'pending'}
      resetKeys={[pending.body]}
      bubble={
        <>
          {pending.attachments && <MessageAttachments attachments={pending.attachments} />}
          <MessageBody body={pending.body} mine />
        </>
      }
      meta={
        failed ? (
          <span className="inline-flex items-center gap-2 text-red-800">
            <span role="alert">
              {pending.retryAfterSeconds === undefined
                ? t('conversation.failed')
                : t('conversation.rateLimited', {
                    wait: formatWait(pending.retryAfterSeconds, t),
                  })}
            </span>
            <button type="button" onClick={onRetry} className="font-semibold underline">
              {t('conversation.resend')}
            </button>
            <button type="button" onClick={onDiscard} className="underline">
              {t('conversation.discard')}
            </button>
          </span>
        ) : (
          <span
            data-testid="receipt"
            data-status="pending"
            className="inline-flex items-center gap-1"
          >
            <Icon name="sending" className="size-3" />
            {t('conversation.sending')}
          </span>
        )
      }
    />
  );
}
