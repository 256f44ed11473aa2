/** A size for people: bytes, KB, MB or GB (one decimal under 10), in the keys of `files.*`. */
export function sizeParts(bytes: number): {
  key: 'files.bytes' | 'files.kilobytes' | 'files.megabytes' | 'files.gigabytes';
  count: number;
} {
  if (bytes < 1024) return { key: 'files.bytes', count: bytes };
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return { key: 'files.kilobytes', count: roundForDisplay(kilobytes) };
  const megabytes = kilobytes / 1024;
  if (megabytes < 1024) return { key: 'files.megabytes', count: roundForDisplay(megabytes) };
  return { key: 'files.gigabytes', count: roundForDisplay(megabytes / 1024) };
}

function roundForDisplay(value: number): number {
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
