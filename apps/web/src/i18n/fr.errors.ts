// The French strings shown when part of a page could not be displayed (spread into fr.ts).
export const errorsFr = {
  errors: {
    messageUnavailable: 'Ce message ne peut pas être affiché',
    historyUnavailable: 'L’historique de cette conversation ne peut pas être affiché.',
    itemUnavailable: 'Cet élément ne peut pas être affiché',
    pageTitle: 'Cette page ne peut pas être affichée',
    page: 'Une erreur a empêché son affichage. Le reste de l’application fonctionne.',
    backToMessages: 'Retour aux messages',
    reload: 'Recharger la page',
  },
};
