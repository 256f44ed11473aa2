import { FILE_LIMITS } from '@mindsp/contracts';
import { extensionOf, sanitiseFileName } from './file-names';

describe('sanitiseFileName', () => {
  it('keeps the last part of a path, from either slash', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\bob\\rapport.pdf')).toBe('rapport.pdf');
  });

  it('drops control and format characters (bidi overrides, zero-widths)', () => {
    expect(sanitiseFileName('a\u0000b\u0007c\u007f\u009b.txt')).toBe('abc.txt');
    expect(sanitiseFileName('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(sanitiseFileName('zero\u200Bwidth.txt')).toBe('zerowidth.txt');
  });

  it('folds whitespace, hides no file behind a leading dot, and is never empty', () => {
    expect(sanitiseFileName('  my\t\nnotes  .txt ')).toBe('my notes .txt');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
    expect(sanitiseFileName('../')).toBe('file');
    expect(sanitiseFileName(undefined)).toBe('file');
  });

  it('cuts long names to the limit, keeping the extension', () => {
    const name = sanitiseFileName(`${'é'.repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(FILE_LIMITS.nameMaxLength);
    expect(name.endsWith('.docx')).toBe(true);
    expect(extensionOf(name)).toBe('docx');
  });
});
