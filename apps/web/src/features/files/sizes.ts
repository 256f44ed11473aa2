/** A size for people: bytes, KB or MB (one decimal under 10), in the keys of `files.*`. */
export function sizeParts(bytes: number): {
  key: 'files.bytes' | 'files.kilobytes' | 'files.megabytes';
  count: number;
} {
  if (bytes < 1024) return { key: 'files.bytes', count: bytes };
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return { key: 'files.kilobytes', count: roundForDisplay(kilobytes) };
  return { key: 'files.megabytes', count: roundForDisplay(kilobytes / 1024) };
}

function roundForDisplay(value: number): number {
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
