import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { isApiError } from '../../../lib/api';
import { useCurrentUser } from '../../auth/queries';
import { useConversations } from '../../conversations/hooks/useConversations';
import { conversationTitle } from '../../conversations/names';
import { FormField, inputClass } from '../../../components/form/FormField';
import { PageFrame } from '../../../components/PageFrame';
import { type TitleAndBody, TitleAndBodyFields } from '../../../components/form/TitleAndBodyFields';
import { useSendAlert } from '../hooks/useSendAlert';

/**
 * `/alerts/new?conversationId=`: an urgent alert to the members of a conversation. Sent by an
 * admin or the group's creator (the server decides; anyone else is told they may not).
 */
export function NewAlertPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const conversations = useConversations('');
  const send = useSendAlert();
  const [conversationId, setConversationId] = useState(params.get('conversationId') ?? '');
  const [message, setMessage] = useState<TitleAndBody>({ title: '', body: '' });

  const options = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { title: message.title.trim(), body: message.body.trim(), conversationId },
      { onSuccess: (alert) => void navigate(`/alerts/${alert.id}`) },
    );
  };
  const error = send.error
    ? isApiError(send.error, 403)
      ? t('alerts.sendForbidden')
      : isApiError(send.error, 400)
        ? `${t('alerts.sendInvalid')} ${send.error.message}`
        : t('alerts.sendFailed')
    : null;

  return (
    <PageFrame title={t('alerts.newTitle')}>
      <form onSubmit={submit} className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <p className="text-sm text-neutral-700">{t('alerts.newHint')}</p>
        <FormField label={t('alerts.recipients')}>
          {(id) => (
            <select
              id={id}
              required
              value={conversationId}
              onChange={(event) => setConversationId(event.target.value)}
              className={inputClass}
            >
              <option value="">{t('alerts.pickConversation')}</option>
              {options.map((conversation) => (
                <option key={conversation.id} value={conversation.id}>
                  {conversationTitle(conversation, me.id)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TitleAndBodyFields
          value={message}
          onChange={setMessage}
          labels={{ title: t('alerts.alertTitle'), body: t('alerts.alertBody') }}
        />
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
        <Button type="submit" disabled={send.isPending} className="px-4 py-2">
          {t('alerts.send')}
        </Button>
      </form>
    </PageFrame>
  );
}
