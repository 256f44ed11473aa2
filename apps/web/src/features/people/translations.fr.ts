// French: who is online.
export const peopleFr = {
  presence: {
    online: 'En ligne',
    offline: 'Hors ligne',
    title: 'En ligne',
    nobody: 'Personne d’autre n’est en ligne pour l’instant.',
    openWith: 'Écrire à {{name}}',
  },
} as const;
