// The French strings of reactions, pinned messages and timeline notes (spread into fr.ts).
export const messageStateFr = {
  reactions: {
    add: 'Réagir',
    picker: 'Choisir une réaction',
    search: 'Chercher un emoji',
    searchPlaceholder: 'Chercher (ex. : pouce, feu)',
    loading: 'Chargement des emojis…',
    loadFailed: 'Les emojis n’ont pas pu être chargés.',
    noMatch: 'Aucun emoji ne correspond.',
    failed: 'La réaction n’a pas pu être enregistrée.',
    list: 'Réactions',
    // "👍 2 : Alice, vous"
    summary: '{{emoji}} {{count}} : {{names}}',
    you: 'vous',
  },
  pins: {
    pin: 'Épingler',
    unpin: 'Désépingler',
    pinned: 'Épinglé',
    pinnedBy: 'Épinglé par {{name}}',
    open: 'Messages épinglés : {{count}}',
    title: 'Messages épinglés',
    close: 'Fermer les messages épinglés',
    empty: 'Aucun message épinglé.',
    loadFailed: 'Les messages épinglés n’ont pas pu être chargés.',
    failed: 'Le message n’a pas pu être épinglé.',
  },
  notes: {
    renamed: '{{actor}} a renommé le groupe « {{title}} »',
    added: '{{actor}} a ajouté {{names}}',
    addedMore: '{{actor}} a ajouté {{names}} et {{more}} autres personnes',
    removed: '{{actor}} a retiré {{name}}',
    left: '{{actor}} a quitté le groupe',
    someone: 'Quelqu’un',
  },
};
