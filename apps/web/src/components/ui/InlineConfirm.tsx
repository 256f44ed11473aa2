import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface InlineConfirmProps {
  /** The question, also the group's accessible name ("Delete this message for everyone?"). */
  question: string;
  /** The label of the button that does it ("Delete"). */
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** The group's name when the question is long: by default the question itself. */
  label?: string;
  className?: string;
}

/** Asks "are you sure?" in place, where the action was chosen, instead of a modal dialog. */
export function InlineConfirm({
  question,
  confirm,
  onConfirm,
  onCancel,
  busy = false,
  label = question,
  className = '',
}: InlineConfirmProps) {
  const { t } = useTranslation();
  return (
    <div
      role="group"
      aria-label={label}
      className={`flex flex-wrap items-center gap-2 text-sm ${className}`}
    >
      <span className="text-neutral-800">{question}</span>
      <Button onClick={onConfirm} disabled={busy}>
        {confirm}
      </Button>
      <Button variant="quiet" onClick={onCancel}>
        {t('conversation.cancel')}
      </Button>
    </div>
  );
}
