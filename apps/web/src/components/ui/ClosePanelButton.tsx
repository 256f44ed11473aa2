import { IconButton } from './IconButton';

/** The × that closes a side panel of the conversation (search, group details). */
export function ClosePanelButton({
  label,
  onClick,
  className = '',
}: {
  label: string;
  onClick: () => void;
  className?: string;
}) {
  return (
    <IconButton
      icon="close"
      label={label}
      onClick={onClick}
      iconClassName="size-4"
      className={`p-1.5 text-neutral-600 hover:bg-neutral-200 ${className}`}
    />
  );
}
