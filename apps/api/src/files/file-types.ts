import { filetypeinfo } from 'magic-bytes.js';
import { extensionOf } from './file-names';

/** Types whose bytes the thumbnailer reads: the images the SPA shows inline. */
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * Extensions of programs, scripts and documents that run code when opened, refused whatever the
 * bytes (a .bat is text, a .jar or .appx is a ZIP, an .hta or .html is text a browser runs, a
 * macro-enabled Office file is a ZIP like any .docx). Downloads keep their name: a file saved as
 * "rapport.pdf.exe" runs with one double-click.
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows programs, installers, shortcuts and script hosts
  ...['exe', 'com', 'scr', 'pif', 'cpl', 'dll', 'ocx', 'sys', 'drv', 'msi', 'msp', 'mst', 'msc'],
  ...['bat', 'cmd', 'hta', 'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'wsc', 'ws', 'sct', 'ps1'],
  ...['psm1', 'psd1', 'ps1xml', 'reg', 'inf', 'lnk', 'scf', 'url', 'chm', 'hlp', 'gadget'],
  ...['application', 'appref-ms', 'appx', 'appxbundle', 'msix', 'msixbundle', 'library-ms'],
  ...['settingcontent-ms', 'iso', 'img', 'vhd', 'vhdx', 'xll'],
  // Unix and macOS
  ...['sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'run', 'bin', 'app', 'pkg', 'dmg', 'deb'],
  ...['rpm', 'appimage'],
  // Cross-platform runtimes and mobile packages
  ...['jar', 'jnlp', 'py', 'pyw', 'pl', 'rb', 'php', 'apk', 'xapk', 'ipa'],
  // Pages a browser runs when opened from disk
  ...['html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz'],
  // Macro-enabled Office documents
  ...['docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm'],
]);

/**
 * Whether a file name names a program or script: its last extension, or any before it (a
 * "facture.exe.pdf" is refused too, never mind that it would open as a PDF), read as Windows
 * does, without the dots and spaces it drops at the end ("run.bat." and "run.bat " are .bat) nor
 * an NTFS stream suffix ("run.bat::$DATA").
 */
export function isExecutableName(name: string): boolean {
  const extensions = name
    .toLowerCase()
    .replace(/[.\s]+$/u, '')
    .split('.')
    .slice(1)
    .map((part) => part.split(':')[0]!.trim());
  return extensions.some((extension) => EXECUTABLE_EXTENSIONS.has(extension));
}

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

/** UTF-8 without NUL; `bytes` may be the file's first bytes only, cut inside a character. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    // `stream`: a sequence cut at the end is kept for later, not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
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
