// French: profiles.
export const profileFr = {
  profile: {
    title: 'Profil',
    close: 'Fermer le profil',
    role_admin: 'Administrateur',
    role_member: 'Membre',
    online: 'En ligne',
    lastSeen: 'Vu pour la dernière fois {{when}}',
    neverSeen: 'Jamais connecté',
    noStatus: 'Pas de statut',
    deactivated: 'Compte désactivé',
    edit: 'Modifier mon profil',
    displayName: 'Nom affiché',
    statusText: 'Statut',
    statusPlaceholder: 'Ex. : En intervention, de garde jusqu’à 18h',
    save: 'Enregistrer',
    cancel: 'Annuler',
    saveFailed: 'Le profil n’a pas pu être enregistré.',
  },
} as const;
