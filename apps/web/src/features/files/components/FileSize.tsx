import { useTranslation } from 'react-i18next';
import { sizeParts } from '../sizes';

export function useFileSize() {
  const { t } = useTranslation();
  return (bytes: number) => {
    const { key, count } = sizeParts(bytes);
    return t(key, { count });
  };
}
