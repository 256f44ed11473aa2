// French: the people admin page.
export const peopleAdminFr = {
  peopleAdmin: {
    title: 'Personnes',
    search: 'Rechercher une personne',
    searchPlaceholder: 'Nom ou adresse e-mail',
    storage: 'Stockage des fichiers',
    storageUsed: '{{used}} utilisés sur {{quota}} ({{percent}} %)',
    storageFailed: 'Impossible de charger le stockage utilisé.',
    add: 'Ajouter une personne',
    email: 'E-mail',
    displayName: 'Nom',
    password: 'Mot de passe initial',
    role: 'Rôle',
    create: 'Ajouter',
    created: '{{name}} a été ajouté(e).',
    createFailed: 'La personne n’a pas pu être ajoutée.',
    emailTaken: 'Cet e-mail est déjà utilisé dans votre organisation.',
    deactivate: 'Désactiver',
    reactivate: 'Réactiver',
    confirmDeactivate:
      'Désactiver {{name}} ? Ses sessions se ferment tout de suite ; ses messages restent.',
    active: 'Actif',
    inactive: 'Désactivé',
    you: '(vous)',
    loadFailed: 'Impossible de charger les personnes.',
    actionFailed: 'L’action a échoué.',
  },
} as const;
