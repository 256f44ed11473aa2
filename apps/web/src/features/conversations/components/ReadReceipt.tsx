import type { ConversationView, MessageView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { receiptFor, showsReadCount } from '../receipts';

/** Under my own message: ✓ stored, ✓✓ read; in a group also "read by k of n". */
export function ReadReceipt({
  message,
  conversation,
}: {
  message: MessageView;
  conversation: ConversationView;
}) {
  const { t } = useTranslation();
  const receipt = receiptFor(message, conversation);
  const counted = showsReadCount(conversation.kind) && receipt.known;
  const label = counted
    ? t('conversation.readBy', { count: receipt.readBy, total: receipt.of })
    : t(receipt.status === 'read' ? 'conversation.read' : 'conversation.sent');

  return (
    <span
      data-testid="receipt"
      data-status={receipt.status}
      data-read-by={receipt.readBy}
      title={label}
      className="inline-flex items-center gap-1"
    >
      <span
        aria-hidden="true"
        className={`font-semibold tracking-[-0.2em] ${receipt.status === 'read' ? 'text-sky-600' : 'text-neutral-400'}`}
      >
        {receipt.status === 'read' ? '✓✓' : '✓'}
      </span>
      {/* A group's count is worth seeing once someone has read; otherwise the ticks say it. */}
      <span className={counted && receipt.readBy > 0 ? 'ml-1' : 'sr-only'}>{label}</span>
    </span>
  );
}
