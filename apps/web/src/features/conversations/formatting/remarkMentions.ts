import type { Parent, Root, RootContent } from 'mdast';
import { splitMentions } from '../mentions';

export interface MentionOptions {
  /** The text a mention shows, after its `@`: a current display name, or the word for everyone. */
  labelOf: (id: string) => string;
}

/**
 * Mention tokens (`<@id>`) in a body's text become highlighted `@Name`s, named as the person is
 * called now. Only text is looked at: a token in code stays as typed. Each becomes a `mark`
 * element with `data-mention`, which MessageBody renders.
 */
export function remarkMentions({ labelOf }: MentionOptions) {
  return (tree: Root) => {
    replaceIn(tree, labelOf);
  };
}

function replaceIn(parent: Parent, labelOf: MentionOptions['labelOf']) {
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'text') {
      const parts = splitMentions(child.value);
      if (parts.length === 1 && parts[0]!.kind === 'text') return [child];
      return parts.map((part) =>
        part.kind === 'text'
          ? ({ type: 'text', value: part.text } as RootContent)
          : // mdast-util-to-hast makes an element of an unknown node from its data.
            ({
              type: 'mention',
              data: { hName: 'mark', hProperties: { dataMention: part.id } },
              children: [{ type: 'text', value: `@${labelOf(part.id)}` }],
            } as unknown as RootContent),
      );
    }
    if ('children' in child && child.type !== 'link') replaceIn(child, labelOf);
    return [child];
  }) as typeof parent.children;
}
