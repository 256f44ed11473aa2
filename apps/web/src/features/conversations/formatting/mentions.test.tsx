import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageBody } from '../components/MessageBody';

const BOB = '0b0b0b0b-0000-4000-8000-000000000001';
const names: Record<string, string> = { [BOB]: 'Bob Durand', all: 'tous' };

const html = (body: string) =>
  renderToStaticMarkup(
    <MessageBody body={body} mine={false} mentionLabel={(id) => names[id] ?? 'inconnu'} />,
  )
    .replace(/^<div[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .replace(/ class="[^"]*"/g, '');

describe('mentions in a message', () => {
  it('shows each token as the highlighted current name', () => {
    expect(html(`**Urgent** <@${BOB}> et <@all>`)).toBe(
      `<p><strong>Urgent</strong> <span data-testid="mention" data-mention="${BOB}">@Bob Durand</span> et <span data-testid="mention" data-mention="all">@tous</span></p>`,
    );
  });

  it('leaves a token in code as typed, and text that only looks like one', () => {
    expect(html(`\`<@${BOB}>\` <@bob> <b>`)).toBe(
      `<p><code>&lt;@${BOB}&gt;</code> &lt;@bob&gt; &lt;b&gt;</p>`,
    );
  });
});
