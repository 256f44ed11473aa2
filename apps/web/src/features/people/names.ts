/** A person's initials, for their avatar: of the first and last names. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? '').join('') || '?';
}

/** The first name, where space is short (the online strip, a list preview). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
