import type { Translations } from '../../i18n/types';
import type { filesFr } from './translations.fr';

// English: files in messages.
export const filesEn: Translations<typeof filesFr> = {
  files: {
    attach: 'Attach a file',
    uploading: 'Uploading {{name}}: {{percent}}%',
    ready: '{{name}} is ready to send',
    remove: 'Remove {{name}}',
    failed: '{{name}} could not be uploaded: {{reason}}',
    tooLarge: 'file too large ({{max}} at most)',
    refused: 'this type of file is not accepted, or its content does not match its type',
    uploadError: 'the server could not receive it, try again',
    download: 'Download {{name}} ({{size}})',
    openImage: 'View {{name}} full size',
    imageAlt: 'Image: {{name}}',
    close: 'Close',
    bytes: '{{count}} B',
    kilobytes: '{{count}} KB',
    megabytes: '{{count}} MB',
    gigabytes: '{{count}} GB',
    quotaFull: "your organisation's file storage is full",
    imageTooLarge: 'image too large to show',
    downloadFailed: 'The file could not be downloaded.',
  },
};
