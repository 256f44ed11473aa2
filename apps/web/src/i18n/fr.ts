const fr = {
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
  login: {
    title: 'Connexion',
    subtitle: 'Connectez-vous avec le compte fourni par votre service.',
    tenant: 'Organisation',
    tenantHint: 'L’identifiant de votre service, par exemple « demo ».',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    errors: {
      invalidCredentials: 'Identifiants invalides',
      tooManyAttempts: 'Trop de tentatives, réessayez dans un instant',
      invalidInput: 'Vérifiez les champs saisis.',
      unreachable: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
      unexpected: 'Une erreur inattendue est survenue ({{status}}). Réessayez.',
    },
  },
  session: {
    loadFailed: 'Impossible de charger votre session.',
    unreachable: 'Le serveur est injoignable. Vérifiez votre connexion.',
    retry: 'Réessayer',
  },
  header: {
    signedInAs: 'Connecté en tant que {{name}}',
    menu: 'Menu',
    logout: 'Se déconnecter',
  },
  conversations: {
    title: 'Conversations',
    emptyTitle: 'Aucune conversation pour l’instant',
    emptyBody: 'Les échanges avec votre équipe apparaîtront ici.',
  },
} as const;

type Translations<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };

/** The shape every language must fill: same keys as French, any strings. */
export type Messages = Translations<typeof fr>;

export default fr;
