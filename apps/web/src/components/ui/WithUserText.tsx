import { Fragment, type ReactNode } from 'react';

const MARK = '\u0001';

/**
 * A translated sentence with user text in it ("{{name}} is typing…"), each piece of user
 * text isolated in a <bdi>: a right-to-left override in a name or a body then reorders that
 * piece only, never the words of the sentence around it. `render` gets one marker per value
 * to pass to `t()` in place of the value.
 */
export function WithUserText<K extends string>({
  values,
  render,
}: {
  values: Record<K, ReactNode>;
  render: (markers: Record<K, string>) => string;
}) {
  const keys = Object.keys(values) as K[];
  const markers = Object.fromEntries(
    keys.map((key, index) => [key, `${MARK}${index}${MARK}`]),
  ) as Record<K, string>;
  const parts = render(markers).split(new RegExp(`${MARK}(\\d+)${MARK}`));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <bdi key={index}>{values[keys[Number(part)]]}</bdi>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
