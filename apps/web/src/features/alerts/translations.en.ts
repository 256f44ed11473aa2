import type { Translations } from '../../i18n/types';
import type { alertsFr } from './translations.fr';

// English: urgent alerts.
export const alertsEn: Translations<typeof alertsFr> = {
  alerts: {
    title: 'Urgent alert',
    answer: 'Your answer to the alert',
    answerFailed: 'Your answer could not be sent. Try again.',
    responses: { received: 'Received', available: 'I am available', unavailable: 'Unavailable' },
    acknowledged: 'Answers: {{answered}} of {{total}}',
    noAnswer: 'No answer yet',
    noAnswerRenotified: 'No answer yet (notified {{count}} times)',
    notFound: 'This alert does not exist, or is not for you.',
    loadFailed: 'The alert could not be loaded.',
    newTitle: 'Send an urgent alert',
    newHint:
      'An alert overrides quiet hours and preferences: everyone gets it in the app, in the browser and by email, and must answer it.',
    recipients: 'Recipients',
    pickConversation: 'Choose a conversation',
    alertTitle: 'Title',
    alertBody: 'Message',
    send: 'Send the alert',
    sendFromConversation: 'Send an urgent alert',
    sendForbidden: 'Only an admin or the group’s creator can send an alert here.',
    sendInvalid: 'Check the fields:',
    sendFailed: 'The alert could not be sent. Try again.',
  },
};
