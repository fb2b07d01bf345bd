import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadOrCreateDataKey } from './secret-box.js';

describe('secret box', () => {
  it('opens what it sealed, and nothing that was tampered with', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
    const parts = sealed.split('.');
    parts[2] = Buffer.from('something else').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('creates the data key once, readable by the owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senningen-key-'));
    const first = loadOrCreateDataKey(dir);
    const second = loadOrCreateDataKey(dir);
    expect(second.equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'data.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
