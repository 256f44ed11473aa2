import { describe, expect, it } from 'vitest';
import { firstName, initials } from './names';

describe('people names', () => {
  it('makes initials of the first and last names', () => {
    expect(initials('Alice Martin')).toBe('AM');
    expect(initials('Jean-Pierre de la Tour')).toBe('JT');
    expect(initials('élodie')).toBe('É');
    expect(initials('  ')).toBe('?');
  });

  it('takes the first name', () => {
    expect(firstName('Alice Martin')).toBe('Alice');
    expect(firstName('  Bob ')).toBe('Bob');
  });
});
