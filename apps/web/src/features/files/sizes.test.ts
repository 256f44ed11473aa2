import { describe, expect, it } from 'vitest';
import { sizeParts } from './sizes';

describe('sizeParts', () => {
  it('says bytes, kilobytes or megabytes, with one decimal under ten', () => {
    expect(sizeParts(512)).toEqual({ key: 'files.bytes', count: 512 });
    expect(sizeParts(1536)).toEqual({ key: 'files.kilobytes', count: 1.5 });
    expect(sizeParts(200 * 1024)).toEqual({ key: 'files.kilobytes', count: 200 });
    expect(sizeParts(25 * 1024 * 1024)).toEqual({ key: 'files.megabytes', count: 25 });
    expect(sizeParts(2.25 * 1024 * 1024)).toEqual({ key: 'files.megabytes', count: 2.3 });
    expect(sizeParts(10 * 1024 ** 3)).toEqual({ key: 'files.gigabytes', count: 10 });
    expect(sizeParts(1.55 * 1024 ** 3)).toEqual({ key: 'files.gigabytes', count: 1.6 });
  });
});
