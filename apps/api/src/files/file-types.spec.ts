import { claimMatches, detectContentType, isExecutableName } from './file-types';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);

describe('detectContentType', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n'), 'photo.png')).toBe('application/pdf');
    expect(detectContentType(Buffer.from('GIF89a....'), 'x.txt')).toBe('image/gif');
    expect(detectContentType(Buffer.from('MZ\x90\x00\x03\x00'), 'doc.pdf')).toBe(
      'application/octet-stream',
    );
  });

  it('lets the extension choose only among formats that share a container', () => {
    expect(detectContentType(ZIP, 'plan.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectContentType(ZIP, 'archive.zip')).toBe('application/zip');
    expect(detectContentType(ZIP, 'app.apk')).toBe('application/zip');
    expect(detectContentType(OLE, 'old.xls')).toBe('application/vnd.ms-excel');
  });

  it('takes UTF-8 without NUL bytes as text, and SVG as SVG (not an allowed image)', () => {
    expect(detectContentType(Buffer.from('Bonjour, été'), 'notes.md')).toBe('text/plain');
    expect(detectContentType(Buffer.from('a;b\n1;2'), 'table.csv')).toBe('text/csv');
    expect(detectContentType(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'bom.txt')).toBe('text/plain');
    expect(detectContentType(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'x.txt')).toBe(
      'application/octet-stream',
    );
    expect(detectContentType(Buffer.from('<svg xmlns="x"></svg>'), 'a.svg')).toBe('image/svg+xml');
  });
});

describe('claimMatches', () => {
  it('refuses a claim of another family than the bytes', () => {
    expect(claimMatches('image/png', 'text/plain')).toBe(false);
    expect(claimMatches('application/pdf', 'application/zip')).toBe(false);
  });

  it('accepts the same family, and no claim or the generic one', () => {
    expect(claimMatches('image/jpeg', 'image/png')).toBe(true);
    expect(claimMatches('text/markdown', 'text/plain')).toBe(true);
    expect(claimMatches('application/x-zip-compressed', 'application/zip')).toBe(true);
    expect(claimMatches('', 'application/pdf')).toBe(true);
    expect(claimMatches('application/octet-stream', 'application/pdf')).toBe(true);
  });
});

describe('isExecutableName', () => {
  it('names programs and scripts by any of their extensions, in any case', () => {
    for (const name of ['tool.exe', 'RUN.BAT', 'page.hta', 'index.html', 'logo.svg', 'app.jar']) {
      expect({ name, executable: isExecutableName(name) }).toEqual({ name, executable: true });
    }
    expect(isExecutableName('facture.pdf.exe')).toBe(true);
    expect(isExecutableName('facture.exe.pdf')).toBe(true);
    expect(isExecutableName('budget.xlsm')).toBe(true);
  });

  it('reads the name as Windows does: trailing dots and spaces dropped, no stream suffix', () => {
    expect(isExecutableName('run.bat.')).toBe(true);
    expect(isExecutableName('run.bat . .')).toBe(true);
    expect(isExecutableName('run.bat::$DATA')).toBe(true);
  });

  it('lets documents through, even named like a program', () => {
    for (const name of ['exe.pdf', 'rapport.docx', 'photo.jpeg', 'notes', '.bashrc.txt', 'js']) {
      expect({ name, executable: isExecutableName(name) }).toEqual({ name, executable: false });
    }
  });
});

describe('detectContentType on the first bytes only', () => {
  it('takes text cut inside a character for text', () => {
    const head = Buffer.from('Procès-verbal été', 'utf8');
    const cut = head.subarray(0, head.indexOf(Buffer.from('é', 'utf8')) + 1);
    expect(detectContentType(cut, 'pv.txt')).toBe('text/plain');
  });
});
