import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { initials } from '../names';

interface AvatarProps {
  name: string;
  /** A group shows people, not initials (its title's words are rarely a name). */
  group?: boolean;
  /** Undefined: no presence shown (groups). */
  online?: boolean;
  size?: 'sm' | 'md';
}

/**
 * Initials in a circle, with a presence dot for a person. A picture, not text: the initials are
 * drawn by CSS, so that a control holding an avatar and a name has only the name as visible
 * text, which its accessible name must contain (WCAG 2.5.3).
 */
export function Avatar({ name, group = false, online, size = 'md' }: AvatarProps) {
  const box = size === 'sm' ? 'size-8 text-xs' : 'size-10 text-sm';
  return (
    <span
      className={`relative inline-flex shrink-0 items-center justify-center rounded-full bg-red-100 font-semibold text-red-800 before:content-[attr(data-initials)] ${box}`}
      data-initials={group ? undefined : initials(name)}
      aria-hidden="true"
    >
      {group && <Icon name="group" className="size-1/2" />}
      {online !== undefined && (
        <PresenceDot online={online} className="absolute -bottom-0.5 -right-0.5" />
      )}
    </span>
  );
}

export function PresenceDot({ online, className = '' }: { online: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <span
      data-testid="presence-dot"
      data-online={online}
      title={online ? t('presence.online') : t('presence.offline')}
      className={`block size-3 rounded-full ring-2 ring-white ${online ? 'bg-emerald-500' : 'bg-neutral-300'} ${className}`}
    />
  );
}
