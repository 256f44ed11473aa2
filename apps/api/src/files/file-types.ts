import { filetypeinfo } from 'magic-bytes.js';
import { extensionOf } from './file-names';

/** Types whose bytes the thumbnailer reads: the images the SPA shows inline. */
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Office formats are ZIP (OOXML, OpenDocument) or OLE containers: the extension says which. */
const ZIP_FORMATS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const OLE_FORMATS: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/**
 * What the bytes are, as a MIME type, read from their signature (magic-bytes.js) and never from
 * the client's claim; the file name only chooses among formats that share a container (a .docx is
 * a ZIP). Text has no signature: UTF-8 without NUL bytes is text. Anything else is
 * `application/octet-stream`, which no allow-list should hold.
 */
export function detectContentType(bytes: Buffer, name: string): string {
  const extension = extensionOf(name);
  const found = filetypeinfo(bytes.subarray(0, 4096));
  // A BOM comes back as "text/plain; charset=UTF-8": the type is what is allowed or not.
  const types = found
    .map((info) => info.mime?.split(';')[0]!.trim())
    .filter((mime): mime is string => !!mime);
  const image = types.find((type) => IMAGE_TYPES.has(type));
  if (image) return image;
  if (types.includes('application/pdf')) return 'application/pdf';
  if (found.some((info) => info.typename === 'zip' || info.mime === 'application/zip')) {
    return ZIP_FORMATS[extension] ?? 'application/zip';
  }
  if (
    found.some(
      (info) => info.typename === 'doc' || info.typename === 'xls' || info.typename === 'cfb',
    ) ||
    bytes.subarray(0, 8).equals(OLE_SIGNATURE)
  ) {
    return OLE_FORMATS[extension] ?? 'application/x-ole-storage';
  }
  if (found.length === 0 && isText(bytes)) return extension === 'csv' ? 'text/csv' : 'text/plain';
  return types[0] ?? 'application/octet-stream';
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The broad family of a type: a claim and the bytes must agree on it. */
function familyOf(type: string): string {
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/')) return 'text';
  if (type === 'application/pdf') return 'pdf';
  if (Object.values(ZIP_FORMATS).includes(type) || Object.values(OLE_FORMATS).includes(type)) {
    return 'office';
  }
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'zip';
  return type;
}

/**
 * Whether the client's claimed type agrees with the bytes. Browsers send a type from the file's
 * extension: a "photo.png" whose bytes are a program, or text posing as an image, is a lie worth
 * refusing rather than storing under the true type. No claim (or the generic one) agrees with all.
 */
export function claimMatches(claimed: string | undefined, detected: string): boolean {
  const claim = (claimed ?? '').split(';')[0]!.trim().toLowerCase();
  if (!claim || claim === 'application/octet-stream') return true;
  return familyOf(claim) === familyOf(detected);
}
