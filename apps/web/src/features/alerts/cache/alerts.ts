import type { AlertAckUpdate, AlertView } from '@mindsp/contracts';

/**
 * A recipient's answer, pushed live: their row takes it. An answer older than the one held
 * (events can cross) and one about another alert or someone not on the list change nothing.
 */
export function applyAck(alert: AlertView, update: AlertAckUpdate): AlertView {
  if (update.alertId !== alert.id) return alert;
  let changed = false;
  const recipients = alert.recipients.map((recipient) => {
    if (recipient.userId !== update.userId) return recipient;
    if (recipient.respondedAt && recipient.respondedAt > update.respondedAt) return recipient;
    if (recipient.response === update.response && recipient.respondedAt === update.respondedAt)
      return recipient;
    changed = true;
    return { ...recipient, response: update.response, respondedAt: update.respondedAt };
  });
  return changed ? { ...alert, recipients } : alert;
}

/** How many answered, of how many were asked ("2 sur 3"). */
export function acknowledged(alert: AlertView): { answered: number; total: number } {
  return {
    answered: alert.recipients.filter((recipient) => recipient.response !== null).length,
    total: alert.recipients.length,
  };
}
