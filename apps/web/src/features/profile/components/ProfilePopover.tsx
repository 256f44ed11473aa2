import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover, PopoverContent, PopoverTrigger } from '../../../components/ui/Popover';
import { ProfileCard } from './ProfileCard';

/**
 * A person's name (a sender, a member) that opens their profile: name, role, status text, last
 * seen; on my own, a form to change my name and status.
 */
export function ProfilePopover({ userId, children }: { userId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        data-testid="profile-trigger"
        data-user-id={userId}
        className="rounded-sm text-left hover:underline focus-visible:outline-2 focus-visible:outline-red-700"
      >
        {children}
      </PopoverTrigger>
      <PopoverContent label={t('profile.title')} className="w-72 p-4">
        {open && <ProfileCard userId={userId} />}
      </PopoverContent>
    </Popover>
  );
}
