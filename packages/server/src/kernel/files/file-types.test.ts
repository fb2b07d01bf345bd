import { describe, expect, it } from 'vitest';
import { looksLike } from './file-types.js';

describe('file types', () => {
  it('recognises each type by its first bytes', () => {
    expect(looksLike('application/pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(looksLike('application/pdf', Buffer.from('PDF-1.7'))).toBe(false);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(looksLike('image/png', png)).toBe(true);
    expect(looksLike('image/jpeg', png)).toBe(false);
    expect(looksLike('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const parts = '[Content_Types].xml ... word/document.xml';
    expect(looksLike(docx, Buffer.from(`PK\x03\x04${parts}`, 'latin1'))).toBe(true);
    expect(looksLike(docx, Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(false);
    expect(looksLike(docx, Buffer.from('%PDF-1.7'))).toBe(false);
    expect(looksLike('text/plain', Buffer.from('Überleg één keer'))).toBe(true);
    expect(looksLike('text/plain', Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
    expect(looksLike('text/plain', Buffer.from([0xc3, 0x28]))).toBe(false);
  });

  it('recognises WebP images', () => {
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    expect(looksLike('image/webp', webp)).toBe(true);
    expect(looksLike('image/webp', Buffer.from('RIFF....WAVEfmt '))).toBe(false);
  });
});
