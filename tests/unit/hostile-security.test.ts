import { describe, expect, it } from 'vitest';
import { capLength, cleanDisplayText, contentSecurityPolicy, hasBidiControls, isScholarlyLink, safeHttpUrl } from '../../src/security';
import { arxivUrl, doiUrl } from '../../src/view/panels/common';

describe('cleanDisplayText', () => {
  it('drops bidi controls, zero-width characters, controls and lone surrogates', () => {
    expect(cleanDisplayText('Rex \u202Eevil\u202C Reversed')).toBe('Rex evil Reversed');
    expect(cleanDisplayText('\u2066a\u2069 \u200Eb\u200F')).toBe('a b');
    expect(cleanDisplayText('Ze\u200Bro\u2060 Wi\uFEFFdth')).toBe('Zero Width');
    expect(cleanDisplayText('a\u0000b\u0007c\u009Fd')).toBe('a b c d');
    expect(cleanDisplayText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(hasBidiControls('a\u202Eb')).toBe(true);
    expect(hasBidiControls('plain')).toBe(false);
  });
  it('keeps joiners inside non-Latin text and emoji, drops them next to ASCII', () => {
    expect(cleanDisplayText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanDisplayText('👩\u200D💻')).toBe('👩\u200D💻');
    expect(cleanDisplayText('Zero\u200CWidth\u200DJoiner')).toBe('ZeroWidthJoiner');
  });
  it('keeps markup as text (React escapes it), collapses space, keeps lines on request', () => {
    expect(cleanDisplayText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(cleanDisplayText(' a \n\t b ')).toBe('a b');
    expect(cleanDisplayText('a\r\n\r\n\r\n\r\nb', 100, { keepLines: true })).toBe('a\n\nb');
    expect(cleanDisplayText(undefined)).toBe('');
    expect(cleanDisplayText(42)).toBe('');
  });
  it('caps length with an ellipsis, never splitting a surrogate pair, in bounded work on a megabyte', () => {
    expect(capLength('abcdef', 4)).toBe('abc…');
    expect(capLength('abc', 3)).toBe('abc');
    expect(capLength('😀😀😀😀', 3)).toBe('😀😀…');
    expect(capLength('anything', 0)).toBe('');
    const mega = 'lorem ipsum '.repeat(90_000);
    const cut = cleanDisplayText(mega, 5_000);
    expect(Array.from(cut)).toHaveLength(5_000);
    expect(cut.endsWith('…')).toBe(true);
    // Cut before cleaning even when the cleaned rest is short.
    const invisible = `${'\u200B'.repeat(100_000)}tail`;
    expect(cleanDisplayText(invisible, 10)).toBe('…');
  });
});

describe('links', () => {
  it('safeHttpUrl passes only absolute http(s) without credentials or hidden characters', () => {
    expect(safeHttpUrl('https://arxiv.org/abs/2101.00001')).toBe('https://arxiv.org/abs/2101.00001');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      'blob:https://x/1',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'https://user:pw@evil.example',
      'https://exa\u202Emple.org',
      'https://a b',
      'vbscript:x',
      '',
      'x'.repeat(3000),
      42,
    ]) {
      expect(safeHttpUrl(bad), String(bad).slice(0, 40)).toBeNull();
    }
    expect(isScholarlyLink('https://doi.org/10.1/x')).toBe(true);
    expect(isScholarlyLink('https://evil.example/doi.org')).toBe(false);
  });
  it("the panels' link builders (src/view/panels/common.tsx) only make https arXiv/doi.org links from hostile ids", () => {
    for (const id of ['javascript:alert(1)', '2101.00001"><script>', '../../x', 'data:text/html,x', '2101.00001']) {
      const u = arxivUrl(id);
      if (u !== null) expect(u).toMatch(/^https:\/\/arxiv\.org\/abs\/[\w./%-]+$/);
    }
    for (const doi of ['10.1000/xss"><script>window.__pwned=5</script>', 'javascript:alert(13)//10.1000/js', '10.1000/csl"><img', 'https://doi.org/10.1/a b']) {
      const u = doiUrl(doi);
      if (u !== null) {
        expect(u).toMatch(/^https:\/\/doi\.org\/10\.\d{4,9}\/[^\s"<>]+$/);
        expect(isScholarlyLink(u)).toBe(true);
      }
    }
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  it('allows no inline script and no eval, workers from self and blob: only', () => {
    const d = Object.fromEntries(csp.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['script-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(d['script-src'].join(' ')).not.toMatch(/unsafe|data:|blob:|\*/);
    expect(d['worker-src']).toEqual(["'self'", 'blob:']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
  });
});
