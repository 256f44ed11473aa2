/** Pieces of a search highlight: `matched` ones were between « and ». */
export interface HighlightPart {
  text: string;
  matched: boolean;
}

/**
 * Splits the search API's highlight ("la «réunion» de garde") on its markers. An unpaired
 * marker is kept as text, so nothing of the message is lost.
 */
export function splitHighlight(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (text: string, matched: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.matched === matched) last.text += text;
    else parts.push({ text, matched });
  };
  let rest = highlight;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open === -1 ? -1 : rest.indexOf('»', open + 1);
    if (open === -1 || close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}
