// French: the message search.
export const searchFr = {
  globalSearch: {
    open: 'Rechercher dans tous les messages',
    title: 'Rechercher dans les messages',
    close: 'Fermer la recherche',
    placeholder: 'Mots à chercher…',
    from: 'De',
    in: 'Dans',
    anyone: 'Tout le monde',
    anywhere: 'Toutes les conversations',
    since: 'Du',
    until: 'Au',
    hasFile: 'Avec fichier',
    results: 'Résultats',
    none: 'Aucun message trouvé.',
    failed: 'La recherche a échoué.',
    more: 'Plus de résultats',
  },
} as const;
