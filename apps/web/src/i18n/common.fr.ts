// French: the strings every part of the app shares: the app's name and loading, languages, errors, waits.
export const commonFr = {
  app: {
    name: 'MindSP Messaging',
    tagline: 'Messagerie des services d’incendie et de secours',
    loading: 'Chargement…',
  },
  language: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
    saveFailed: 'La langue n’a pas pu être enregistrée.',
  },
  errors: {
    messageUnavailable: 'Ce message ne peut pas être affiché',
    historyUnavailable: 'L’historique de cette conversation ne peut pas être affiché.',
    itemUnavailable: 'Cet élément ne peut pas être affiché',
    pageTitle: 'Cette page ne peut pas être affichée',
    page: 'Une erreur a empêché son affichage. Le reste de l’application fonctionne.',
    backToMessages: 'Retour aux messages',
    reload: 'Recharger la page',
  },
  wait: {
    seconds: '{{count}} s',
    minutes: '{{count}} min',
    hours: '{{count}} h',
  },
} as const;
