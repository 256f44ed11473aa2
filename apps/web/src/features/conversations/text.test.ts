import { describe, expect, it } from 'vitest';
import { splitHighlight, splitLinks } from './text';

describe('splitLinks', () => {
  it('keeps text without links as one piece', () => {
    expect(splitLinks('Rendez-vous à 8 h\nà la caserne')).toEqual([
      { kind: 'text', text: 'Rendez-vous à 8 h\nà la caserne' },
    ]);
  });

  it('turns http and https URLs into links', () => {
    expect(splitLinks('Plan : https://sdis.example/plan?id=4 et http://a.example')).toEqual([
      { kind: 'text', text: 'Plan : ' },
      {
        kind: 'link',
        text: 'https://sdis.example/plan?id=4',
        href: 'https://sdis.example/plan?id=4',
      },
      { kind: 'text', text: ' et ' },
      { kind: 'link', text: 'http://a.example', href: 'http://a.example' },
    ]);
  });

  it('leaves sentence punctuation out of the link', () => {
    expect(splitLinks('Voir https://sdis.example/a.')).toEqual([
      { kind: 'text', text: 'Voir ' },
      { kind: 'link', text: 'https://sdis.example/a', href: 'https://sdis.example/a' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitLinks('(https://sdis.example/a)')[1]).toMatchObject({
      href: 'https://sdis.example/a',
    });
  });

  it('keeps a parenthesis that belongs to the URL', () => {
    expect(splitLinks('https://fr.wikipedia.org/wiki/Feu_(combustion).')[0]).toMatchObject({
      href: 'https://fr.wikipedia.org/wiki/Feu_(combustion)',
    });
  });

  it('never links other schemes', () => {
    for (const body of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://a.example',
      'https://',
    ]) {
      expect(splitLinks(body).every((part) => part.kind === 'text')).toBe(true);
    }
  });

  it('stops a URL at markup characters, which stay text', () => {
    expect(splitLinks('<a href="https://x.example">')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://x.example', href: 'https://x.example' },
      { kind: 'text', text: '">' },
    ]);
  });
});

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
