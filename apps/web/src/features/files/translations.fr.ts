// French: files in messages.
export const filesFr = {
  files: {
    attach: 'Joindre un fichier',
    uploading: 'Envoi de {{name}} : {{percent}} %',
    ready: '{{name}} est prêt à partir',
    remove: 'Retirer {{name}}',
    failed: '{{name}} n’a pas pu être envoyé : {{reason}}',
    tooLarge: 'fichier trop volumineux ({{max}} au plus)',
    refused: 'ce type de fichier n’est pas accepté, ou son contenu ne correspond pas à son type',
    uploadError: 'le serveur n’a pas pu le recevoir, réessayez',
    download: 'Télécharger {{name}} ({{size}})',
    openImage: 'Voir {{name}} en grand',
    imageAlt: 'Image : {{name}}',
    close: 'Fermer',
    bytes: '{{count}} o',
    kilobytes: '{{count}} Ko',
    megabytes: '{{count}} Mo',
    gigabytes: '{{count}} Go',
    quotaFull: 'le stockage de fichiers de votre organisation est plein',
    imageTooLarge: 'image trop grande pour être affichée',
    downloadFailed: 'Le fichier n’a pas pu être téléchargé.',
  },
} as const;
