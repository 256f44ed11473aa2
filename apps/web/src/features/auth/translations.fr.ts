// French: sign-in and the session's end.
export const authFr = {
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
      tooManyAttemptsFor: 'Trop de tentatives : réessayez dans {{wait}}',
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
} as const;
