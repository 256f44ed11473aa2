import { searchWordsProblem } from './search-words';

describe('searchWordsProblem', () => {
  it('accepts up to 12 words of up to 40 characters, `or` not counted', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `mot${i}`).join(' or ');
    expect(searchWordsProblem(twelve)).toBeNull();
    expect(searchWordsProblem(`"réunion de garde" -annulée ${'é'.repeat(40)}`)).toBeNull();
  });

  it('refuses a 13th word and a word over 40 characters', () => {
    expect(searchWordsProblem(Array.from({ length: 13 }, (_, i) => `m${i}`).join(' '))).toBe(
      'at most 12 words',
    );
    expect(searchWordsProblem(`alerte ${'x'.repeat(41)}`)).toBe('words of at most 40 characters');
  });
});
