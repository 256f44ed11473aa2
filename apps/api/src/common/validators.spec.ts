import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { codePointLength, isBlank, PlainText } from './validators';
import { shapeProblem } from './payload-shape';

class Line {
  @PlainText({ max: 4 }) text!: string;
}
class Body {
  @PlainText({ max: 8, multiline: true }) text!: string;
}

function check(dto: new () => { text: string }, text: unknown) {
  const instance = plainToInstance(dto, { text });
  const messages = validateSync(instance).flatMap((e) => Object.values(e.constraints ?? {}));
  return { text: instance.text, messages };
}

describe('PlainText', () => {
  it('trims, and keeps new lines and tabs in multi-line text only (\\r\\n becomes \\n)', () => {
    expect(check(Line, '  abc  ')).toEqual({ text: 'abc', messages: [] });
    expect(check(Body, ' a\r\nb\tc ')).toEqual({ text: 'a\nb\tc', messages: [] });
    expect(check(Line, 'a\nb').messages).toEqual([
      'text must not contain control characters or broken characters',
    ]);
  });

  it('refuses NUL, other C0/C1 controls, DEL and lone surrogates', () => {
    for (const bad of ['a\u0000', 'a\u0007', 'a\u007f', 'a\u0085', 'a\ud800', '\udc00b']) {
      expect(check(Body, bad).messages).toHaveLength(1);
    }
  });

  it('counts code points: U+FE0F and both halves of a pair count, as in PostgreSQL', () => {
    expect(codePointLength('T\uFE0F')).toBe(2);
    expect(codePointLength('😀')).toBe(1);
    expect(check(Line, 'T\uFE0FT\uFE0F').messages).toEqual([]);
    expect(check(Line, 'T\uFE0FT\uFE0FT').messages).toEqual(['text must be at most 4 characters']);
  });

  it('calls blank what shows nothing', () => {
    expect(isBlank(' \u200B\u200C\u200D\u2060\uFEFF\uFE0F\uFE0E\u{E0100}\t')).toBe(true);
    expect(isBlank('\u200Ba')).toBe(false);
    expect(check(Line, '\u200B').messages).toEqual(['text must not be blank']);
    expect(check(Line, 42).messages).toEqual(['text must be a string']);
  });
});

describe('shapeProblem', () => {
  it('bounds depth and entries without recursion, and refuses prototype keys', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(shapeProblem(deep)).toBe('nested over 10 levels deep');
    expect(shapeProblem({ a: Array(1001).fill(0) })).toBe('over 1000 fields and items');
    expect(shapeProblem(JSON.parse('{"a":{"__proto__":{}}}'))).toBe('a field named __proto__');
    expect(shapeProblem({ cursors: { a: 1 }, list: [1, [2]] })).toBeNull();
  });
});
