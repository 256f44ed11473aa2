import type { Locale } from '@mindsp/contracts';
import { textsFor } from './notification-texts';

export interface EmailItem {
  title: string;
  body: string;
  /** A path of the SPA (`/messages/<id>`); the notifications page when null. */
  actionUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every user-provided string goes through this before it reaches the HTML part. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Line breaks shown as typed; everything else escaped. */
const paragraph = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** A subject is one line: new lines (from a multi-line title) would break the header. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A path of the SPA under the public URL, which may have a path of its own (`https://host/mindsp`). */
function link(webUrl: string, actionUrl: string | null): string {
  const path = (actionUrl ?? '/notifications').replace(/^\/+/, '');
  return new URL(path, `${webUrl.replace(/\/+$/, '')}/`).toString();
}

function layout(locale: Locale, webUrl: string, content: string): string {
  const t = textsFor(locale);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>MindSP</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;background:#f3f4f6;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${content}
<p style="font-size:12px;color:#6b7280;margin-top:32px">${escapeHtml(t.why)}
<a href="${escapeHtml(link(webUrl, '/settings/notifications'))}">${escapeHtml(t.manage)}</a></p>
</div></body></html>`;
}

function itemHtml(locale: Locale, webUrl: string, item: EmailItem, heading: 'h1' | 'h2'): string {
  return `<${heading} style="font-size:${heading === 'h1' ? 20 : 16}px">${escapeHtml(item.title)}</${heading}>
<p style="white-space:normal">${paragraph(item.body)}</p>
<p><a href="${escapeHtml(link(webUrl, item.actionUrl))}">${escapeHtml(textsFor(locale).open)}</a></p>`;
}

function itemText(locale: Locale, webUrl: string, item: EmailItem): string {
  return `${item.title}\n\n${item.body}\n\n${textsFor(locale).open}: ${link(webUrl, item.actionUrl)}`;
}

function footerText(locale: Locale, webUrl: string): string {
  const t = textsFor(locale);
  return `\n\n--\n${t.why}\n${t.manage}: ${link(webUrl, '/settings/notifications')}\n`;
}

/** One notification as an email, in the recipient's language. */
export function renderNotificationEmail(
  locale: Locale,
  webUrl: string,
  item: EmailItem,
  urgent = false,
): RenderedEmail {
  const prefix = urgent ? `[${textsFor(locale).urgent}] ` : '';
  return {
    subject: oneLine(prefix + item.title),
    html: layout(locale, webUrl, itemHtml(locale, webUrl, item, 'h1')),
    text: itemText(locale, webUrl, item) + footerText(locale, webUrl),
  };
}

/** Several notifications in one summary (the digest). */
export function renderDigestEmail(
  locale: Locale,
  webUrl: string,
  items: EmailItem[],
): RenderedEmail {
  const t = textsFor(locale);
  return {
    subject: t.digestSubject(items.length),
    html: layout(
      locale,
      webUrl,
      `<p>${escapeHtml(t.digestIntro(items.length))}</p>\n` +
        items.map((item) => itemHtml(locale, webUrl, item, 'h2')).join('\n<hr>\n'),
    ),
    text:
      `${t.digestIntro(items.length)}\n\n` +
      items.map((item) => itemText(locale, webUrl, item)).join('\n\n----\n\n') +
      footerText(locale, webUrl),
  };
}
