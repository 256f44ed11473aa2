import { useTranslation } from 'react-i18next';
import { initials } from '../../conversations/format';

interface AvatarProps {
  name: string;
  /** A group shows people, not initials (its title's words are rarely a name). */
  group?: boolean;
  /** Undefined: no presence shown (groups). */
  online?: boolean;
  size?: 'sm' | 'md';
}

/** Initials in a circle, with a presence dot for a person. */
export function Avatar({ name, group = false, online, size = 'md' }: AvatarProps) {
  const box = size === 'sm' ? 'size-8 text-xs' : 'size-10 text-sm';
  return (
    <span
      className={`relative inline-flex shrink-0 items-center justify-center rounded-full bg-red-100 font-semibold text-red-800 ${box}`}
      aria-hidden="true"
    >
      {group ? (
        <svg viewBox="0 0 24 24" className="size-1/2 fill-current">
          <path d="M9 11.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm0 1.5c-3.3 0-6 1.8-6 4v2h12v-2c0-2.2-2.7-4-6-4Zm7.5-1.5a3 3 0 1 0-1.4-5.7 5 5 0 0 1 0 5.4c.4.2.9.3 1.4.3Zm.7 1.6c1.7.7 2.8 1.9 2.8 3.4v2.5h2V17c0-1.8-2-3.3-4.8-3.9Z" />
        </svg>
      ) : (
        initials(name)
      )}
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
