import type { MessageView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { useReplyControls } from './ReplyContext';

/** Beside a message, on hover (always on touch screens): answer it. */
export function ReplyButton({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const controls = useReplyControls();
  if (!controls) return null;
  return (
    <button
      type="button"
      aria-label={t('replies.reply')}
      title={t('replies.reply')}
      data-testid="reply-button"
      onClick={() => controls.startReply(message)}
      className="shrink-0 rounded-full p-1.5 text-neutral-500 opacity-0 hover:bg-neutral-200 hover:text-neutral-800 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-red-700 group-hover:opacity-100 [@media(hover:none)]:opacity-100"
    >
      <Icon name="reply" className="size-4" />
    </button>
  );
}
