import type { Messages } from './fr';

// The English strings shown when part of a page could not be displayed.
export const errorsEn: Pick<Messages, 'errors'> = {
  errors: {
    messageUnavailable: 'This message cannot be displayed',
    historyUnavailable: 'The history of this conversation cannot be displayed.',
    itemUnavailable: 'This item cannot be displayed',
    pageTitle: 'This page cannot be displayed',
    page: 'An error prevented it from showing. The rest of the app still works.',
    backToMessages: 'Back to messages',
    reload: 'Reload the page',
  },
};
