import { ValidateBy, buildMessage } from 'class-validator';

/**
 * The cost of a search grows with its words: each OR'ed word is one more posting list to merge and
 * rank (a storm of 200-character OR searches held every pooled connection). A search box needs a
 * few words: more are refused with a 400 naming `q`, as are words no message holds (too long).
 */
export const SEARCH_MAX_WORDS = 12;
export const SEARCH_MAX_WORD_LENGTH = 40;

/** Words as websearch_to_tsquery splits them; `or` is its operator, not a word to find. */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.toLowerCase() !== 'or');
}

/** Why `text` is too heavy a search, or null. */
export function searchWordsProblem(text: string): string | null {
  const words = wordsOf(text);
  if (words.length > SEARCH_MAX_WORDS) return `at most ${SEARCH_MAX_WORDS} words`;
  if (words.some((word) => [...word].length > SEARCH_MAX_WORD_LENGTH))
    return `words of at most ${SEARCH_MAX_WORD_LENGTH} characters`;
  return null;
}

/** A search text within SEARCH_MAX_WORDS words of SEARCH_MAX_WORD_LENGTH characters at most. */
export function SearchWords(): PropertyDecorator {
  return ValidateBy({
    name: 'searchWords',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || searchWordsProblem(value) === null,
      defaultMessage: buildMessage(
        (prefix, args) =>
          `${prefix}$property must have ${searchWordsProblem(String(args?.value)) ?? 'fewer words'}`,
      ),
    },
  });
}
