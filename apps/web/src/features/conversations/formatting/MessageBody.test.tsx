import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageBody } from '../components/MessageBody';

/** The body as the browser gets it, without the wrapper. */
const html = (body: string) =>
  renderToStaticMarkup(<MessageBody body={body} mine={false} />)
    .replace(/^<div[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ (target|rel)="[^"]*"/g, '');

describe('message formatting', () => {
  it('renders the subset: bold, italic, strikethrough, code, code blocks, quotes, lists', () => {
    expect(html('**Départ** à _7 h_, ~~8 h~~, code `ARI-2`')).toBe(
      '<p><strong>Départ</strong> à <em>7 h</em>, <del>8 h</del>, code <code>ARI-2</code></p>',
    );
    expect(html('```\nsudo reboot\n```')).toBe('<pre><code>sudo reboot\n</code></pre>');
    expect(html('> Renfort demandé')).toBe('<blockquote>\n<p>Renfort demandé</p>\n</blockquote>');
    expect(html('- FPT\n- VSAV')).toBe('<ul>\n<li>FPT</li>\n<li>VSAV</li>\n</ul>');
    expect(html('1. Appel\n2. Départ')).toBe('<ol>\n<li>Appel</li>\n<li>Départ</li>\n</ol>');
  });

  it('keeps line breaks', () => {
    expect(html('Pensez à confirmer.\nMerci !')).toBe('<p>Pensez à confirmer.<br/>\nMerci !</p>');
  });

  it('links http(s) addresses as written, and leaves sentence punctuation out', () => {
    expect(html('Plan : https://sdis.example/plan?id=4.')).toBe(
      '<p>Plan : <a href="https://sdis.example/plan?id=4">https://sdis.example/plan?id=4</a>.</p>',
    );
    expect(html('https://fr.wikipedia.org/wiki/Feu_(combustion)')).toContain(
      'href="https://fr.wikipedia.org/wiki/Feu_(combustion)"',
    );
  });

  it('never links other schemes, nor text that hides its address', () => {
    for (const body of ['javascript:alert(1)', '<javascript:alert(1)>', 'data:text/html,<b>x</b>'])
      expect(html(body)).not.toContain('<a');
    expect(html('[la procédure](https://evil.example)')).toBe(
      '<p>[la procédure](https://evil.example)</p>',
    );
  });

  it('shows HTML, script and the rest of Markdown as typed, in any part of the subset', () => {
    for (const body of [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '**<b onclick="alert(1)">gras</b>**',
      '> <iframe src="https://evil.example"></iframe>',
      '- <svg onload=alert(1)>',
      '![x](https://evil.example/x.png)',
      '# Titre',
    ]) {
      const out = html(body);
      expect(out).not.toMatch(/<(img|script|b |iframe|svg|h1)/);
    }
    expect(html('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html('`<b>` stays code')).toBe('<p><code>&lt;b&gt;</code> stays code</p>');
    expect(html('# Titre')).toBe('<p># Titre</p>');
    expect(html('![x](https://evil.example/x.png)')).toBe(
      '<p>![x](https://evil.example/x.png)</p>',
    );
  });
});
