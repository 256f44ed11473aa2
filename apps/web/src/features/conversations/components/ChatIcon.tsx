import { Icon } from '../../../components/ui/Icon';

/** The speech bubble of the empty states. */
export function ChatIcon() {
  return <Icon name="conversation" className="size-10 text-red-700" strokeWidth={1.5} />;
}
