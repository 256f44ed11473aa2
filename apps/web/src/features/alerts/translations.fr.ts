// French: urgent alerts.
export const alertsFr = {
  alerts: {
    title: 'Alerte urgente',
    answer: 'Votre réponse à l’alerte',
    answerFailed: 'Votre réponse n’a pas pu être envoyée. Réessayez.',
    responses: { received: 'Reçu', available: 'Je suis disponible', unavailable: 'Indisponible' },
    acknowledged: 'Réponses : {{answered}} sur {{total}}',
    noAnswer: 'Pas encore de réponse',
    noAnswerRenotified: 'Pas encore de réponse (prévenu {{count}} fois)',
    notFound: 'Cette alerte n’existe pas, ou ne vous concerne pas.',
    loadFailed: 'Impossible de charger l’alerte.',
    newTitle: 'Envoyer une alerte urgente',
    newHint:
      'Une alerte passe outre les heures calmes et les préférences : chacun la reçoit dans l’application, dans le navigateur et par e-mail, et doit y répondre.',
    recipients: 'Destinataires',
    pickConversation: 'Choisissez une conversation',
    alertTitle: 'Titre',
    alertBody: 'Message',
    send: 'Envoyer l’alerte',
    sendFromConversation: 'Envoyer une alerte urgente',
    sendForbidden:
      'Seuls un administrateur ou le créateur du groupe peuvent envoyer une alerte ici.',
    sendInvalid: 'Vérifiez les champs :',
    sendFailed: 'L’alerte n’a pas pu être envoyée. Réessayez.',
  },
} as const;
