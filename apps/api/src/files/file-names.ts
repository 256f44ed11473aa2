import { FILE_LIMITS } from '@mindsp/contracts';

/**
 * Control characters (C0, DEL, C1) and format characters (bidi overrides that make "exe.pdf" read
 * as "fdp.exe", zero-widths): none belongs in a file name shown to others or sent in a header.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * A client's file name made safe to store, show and send back: no folders (either slash), no
 * control or format characters, no leading dots (hidden files), at most
 * `FILE_LIMITS.nameMaxLength` characters with the extension kept. Never empty.
 */
export function sanitiseFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE, '')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length === 0) return 'file';
  if (chars.length <= FILE_LIMITS.nameMaxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  // An "extension" longer than a few characters is part of the name: cut it like the rest.
  const kept = extension.length > 0 && extension.length <= 10 ? extension : [];
  const stem = chars
    .slice(0, FILE_LIMITS.nameMaxLength - kept.length)
    .join('')
    .trimEnd();
  return stem + kept.join('');
}

/** The lower-case extension without its dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
