import { describe, expect, it } from 'vitest';
import {
  editableMentions,
  encodeMentions,
  insertMention,
  mentionQueryAt,
  splitMentions,
} from './mentions';

const BOB = '0b0b0b0b-0000-4000-8000-000000000001';
const MARIE = '0b0b0b0b-0000-4000-8000-000000000002';
const MARIE_D = '0b0b0b0b-0000-4000-8000-000000000003';

describe('mentions in the composer', () => {
  it('finds the @word typed at the caret, not an email address', () => {
    expect(mentionQueryAt('Salut @Bo', 9)).toEqual({ start: 6, query: 'Bo' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('@Marie Du', 9)).toEqual({ start: 0, query: 'Marie Du' });
    expect(mentionQueryAt('bob@sdis.fr', 11)).toBeNull();
    expect(mentionQueryAt('@Bob\nsuite', 10)).toBeNull();
    expect(mentionQueryAt('rien', 4)).toBeNull();
  });

  it('puts the picked name in place of the typed word', () => {
    expect(insertMention('Salut @Bo merci', { start: 6, query: 'Bo' }, 'Bob Durand')).toEqual({
      text: 'Salut @Bob Durand merci',
      caret: 18,
    });
  });

  it('sends tokens for picked names only, the longest name first', () => {
    const picked = [
      { id: MARIE, label: 'Marie' },
      { id: MARIE_D, label: 'Marie Dupont' },
      { id: BOB, label: 'Bob Durand' },
    ];
    expect(encodeMentions('@Marie Dupont et @Marie, @Bob Durand; a@Bob Durand', picked)).toBe(
      `<@${MARIE_D}> et <@${MARIE}>, <@${BOB}>; a@Bob Durand`,
    );
    expect(encodeMentions('@Inconnu', picked)).toBe('@Inconnu');
    expect(encodeMentions('@tous debout', [{ id: 'all', label: 'tous' }])).toBe('<@all> debout');
  });

  it('splits a body into text and mentions', () => {
    expect(splitMentions(`Hé <@${BOB}> et <@all>!`)).toEqual([
      { kind: 'text', text: 'Hé ' },
      { kind: 'mention', id: BOB },
      { kind: 'text', text: ' et ' },
      { kind: 'mention', id: 'all' },
      { kind: 'text', text: '!' },
    ]);
  });
});

describe('editing a message with mentions', () => {
  it('shows names, and saves the names left as they were as tokens again', () => {
    const labelOf = (id: string) => (id === BOB ? 'Bob Durand' : 'tous');
    const editable = editableMentions(`<@${BOB}> et <@all> : départ`, labelOf);
    expect(editable.text).toBe('@Bob Durand et @tous : départ');
    expect(encodeMentions('@Bob Durand et @tous : départ 8 h', editable.picked)).toBe(
      `<@${BOB}> et <@all> : départ 8 h`,
    );
    expect(encodeMentions('@Bob et @tous', editable.picked)).toBe('@Bob et <@all>');
  });
});
