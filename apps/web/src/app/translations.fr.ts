// French: the shell's strings: the header and the admin menu.
export const appFr = {
  header: {
    signedInAs: 'Connecté en tant que {{name}}',
    menu: 'Menu',
    logout: 'Se déconnecter',
    pages: {
      settings: 'Préférences de notification',
      queues: 'Files de tâches',
      people: 'Personnes',
      announcement: 'Envoyer une annonce',
      alert: 'Envoyer une alerte urgente',
    },
  },
  admin: {
    notAllowedTitle: 'Accès réservé',
    notAllowed: 'Cette page est réservée aux administrateurs de votre organisation.',
    backToMessages: 'Retour aux messages',
  },
} as const;
