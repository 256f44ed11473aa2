/** A language's strings: the same keys as French, any strings (French gives every language its shape). */
export type Translations<T> = {
  -readonly [K in keyof T]: T[K] extends string ? string : Translations<T[K]>;
};
