import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts member names by code unit, integer-like ones too, at every depth', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, '10': 'x', '9': 'y', '!': 0 }),
    ).toBe('{"!":0,"10":"x","9":"y","a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('writes numbers and strings as ECMAScript does, without white space', () => {
    expect(canonicalJson([1e21, 0.1, -0, 'é\n"', true])).toBe('[1e+21,0.1,0,"é\\n\\"",true]');
  });

  it('leaves out undefined members and refuses numbers JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });
});
