import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';

/**
 * What a message may format: bold, italic, strikethrough, inline code, code blocks, quotes, lists,
 * autolinks and line breaks. Everything else Markdown knows (raw HTML, images, headings, tables,
 * rules, link references, links whose text hides their address) is shown as the user typed it:
 * text, never parsed as HTML. Runs on the Markdown tree, before anything becomes an element.
 */
export function remarkPlainSubset() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    asTyped(tree, source);
  };
}

const BLOCKS_AS_TYPED = new Set(['heading', 'table', 'thematicBreak', 'html', 'definition']);
const INLINES_AS_TYPED = new Set([
  'html',
  'image',
  'imageReference',
  'linkReference',
  'footnoteReference',
]);

function asTyped(parent: Parent, source: string) {
  parent.children = parent.children.map((child) => {
    const block =
      parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
    if (block && BLOCKS_AS_TYPED.has(child.type))
      return { type: 'paragraph', children: [textOf(child, source)] } as RootContent;
    if (!block && (INLINES_AS_TYPED.has(child.type) || isMaskedLink(child)))
      return textOf(child, source) as RootContent;
    if ('children' in child) asTyped(child, source);
    return child;
  }) as typeof parent.children;
}

/** The node's own characters from the message (its position), or its value. */
function textOf(node: Nodes, source: string): RootContent {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value =
    start !== undefined && end !== undefined
      ? source.slice(start, end)
      : 'value' in node
        ? node.value
        : '';
  return { type: 'text', value };
}

/**
 * A link is kept only when it shows its own address (autolinks, <url>) and that address is
 * http(s) or mailto: `[text](address)` could hide where it leads, and other schemes run code.
 */
function isMaskedLink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  if (!/^(https?:|mailto:)/i.test(node.url)) return true;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  const shown = only?.type === 'text' ? only.value : null;
  // GFM writes `www.x.fr` as http://www.x.fr and `a@b.fr` as mailto:a@b.fr: still their own address.
  return shown === null || ![shown, `http://${shown}`, `mailto:${shown}`].includes(node.url);
}
