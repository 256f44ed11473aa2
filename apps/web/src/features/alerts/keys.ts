/** The query keys of urgent alerts. */
export const alertKeys = {
  all: ['alerts'] as const,
  /** An alert with its recipients and their answers (the sender's page). */
  detail: (alertId: string) => [...alertKeys.all, 'detail', { alertId }] as const,
  /** My own answer to an alert, as this browser knows it. */
  myResponse: (alertId: string) => [...alertKeys.all, 'my-response', { alertId }] as const,
};
