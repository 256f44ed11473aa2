import { describe, expect, it } from 'vitest';
import { splitHighlight } from './highlight';

describe('splitHighlight', () => {
  it('marks the words between « and »', () => {
    expect(splitHighlight('«Réunion» de garde à «8h»')).toEqual([
      { text: 'Réunion', matched: true },
      { text: ' de garde à ', matched: false },
      { text: '8h', matched: true },
    ]);
  });

  it('keeps text without markers as it is', () => {
    expect(splitHighlight('rien à signaler')).toEqual([
      { text: 'rien à signaler', matched: false },
    ]);
    expect(splitHighlight('')).toEqual([]);
  });

  it('keeps an unpaired marker as text', () => {
    expect(splitHighlight('a «b')).toEqual([{ text: 'a «b', matched: false }]);
  });

  it('never interprets markup', () => {
    expect(splitHighlight('«<img src=x onerror=alert(1)>»')).toEqual([
      { text: '<img src=x onerror=alert(1)>', matched: true },
    ]);
  });
});
