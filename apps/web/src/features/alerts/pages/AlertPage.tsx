import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Spinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { useCurrentUser } from '../../auth/queries';
import { PageFrame } from '../../../components/PageFrame';
import { AlertAckButtons } from '../components/AlertAckButtons';
import { AlertRecipients } from '../components/AlertRecipients';
import { useAlert } from '../hooks/useAlert';

/** `/alerts/:id`: the alert, my answer if I was asked, and who answered. */
export function AlertPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const alert = useAlert(id);

  if (alert.isPending) return <Spinner label={t('app.loading')} />;
  if (alert.isError)
    return (
      <PageFrame title={t('alerts.title')}>
        <p role="alert" className="text-neutral-800">
          {isApiError(alert.error, 404) || isApiError(alert.error, 400)
            ? t('alerts.notFound')
            : t('alerts.loadFailed')}
        </p>
      </PageFrame>
    );

  const { data } = alert;
  const mine = data.recipients.find((recipient) => recipient.userId === me.id);
  return (
    <PageFrame title={t('alerts.title')}>
      <article className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200">
        <h2 className="text-lg font-semibold text-red-900" dir="auto">
          {data.title}
        </h2>
        <p className="mt-1 whitespace-pre-wrap text-neutral-900" dir="auto">
          {data.body}
        </p>
        {mine && <AlertAckButtons alertId={data.id} answered={mine.response} className="mt-3" />}
      </article>
      <AlertRecipients alert={data} />
    </PageFrame>
  );
}
