import { describe, expect, it } from 'vitest';
import { checkFile, isProblem, looksLike, mediaTypeOf, toBase64 } from './attachments.js';
import { MAX_ATTACHMENT_BYTES } from './exchange.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n...');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('files to attach', () => {
  it('are typed by their declared type, else by their extension', () => {
    expect(mediaTypeOf('a.pdf', 'application/pdf')).toBe('application/pdf');
    expect(mediaTypeOf('scan.JPG', '')).toBe('image/jpeg');
    expect(mediaTypeOf('notes.txt', 'text/plain; charset=utf-8')).toBe('text/plain');
    expect(mediaTypeOf('movie.mp4', 'video/mp4')).toBeUndefined();
  });

  it('must begin as their type does', () => {
    expect(looksLike('application/pdf', PDF)).toBe(true);
    expect(looksLike('image/png', PNG)).toBe(true);
    expect(looksLike('image/png', PDF)).toBe(false);
    expect(looksLike('text/plain', new TextEncoder().encode('Grüße'))).toBe(true);
    expect(looksLike('text/plain', new Uint8Array([0xc3, 0x28]))).toBe(false);
  });

  it('are encoded as standard base64', () => {
    expect(toBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
  });

  it('are checked for type, content, name, count and total size', () => {
    const ok = checkFile({ name: 'a.pdf', type: 'application/pdf', bytes: PDF }, [], 5);
    expect(isProblem(ok)).toBe(false);
    if (isProblem(ok)) return;
    expect(ok.upload).toEqual({
      name: 'a.pdf',
      mediaType: 'application/pdf',
      content: toBase64(PDF),
    });

    const kind = (file: { name: string; type: string; bytes: Uint8Array }, chosen = [ok]) => {
      const result = checkFile(file, chosen, 5);
      return isProblem(result) ? result.kind : 'ok';
    };
    expect(kind({ name: 'b.exe', type: 'application/x-msdownload', bytes: PDF })).toBe('type');
    expect(kind({ name: 'b.png', type: 'image/png', bytes: PDF })).toBe('mismatch');
    expect(kind({ name: 'a/b.pdf', type: 'application/pdf', bytes: PDF })).toBe('name');
    expect(kind({ name: 'e.pdf', type: 'application/pdf', bytes: new Uint8Array() })).toBe('empty');
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES - PDF.length + 1);
    big.set(PDF);
    expect(kind({ name: 'big.pdf', type: 'application/pdf', bytes: big })).toBe('size');
    expect(
      kind(
        { name: 'c.pdf', type: 'application/pdf', bytes: PDF },
        Array.from({ length: 5 }, () => ok),
      ),
    ).toBe('count');
  });
});
