// The boot policy that narrows connect-src (src/security/connectPolicy.ts): which origins it names.
import { describe, expect, it } from 'vitest';
import { connectOrigins, connectPolicyText, originForPolicy } from '../../src/security/connectPolicy';

const page = 'https://atlas.example/';

describe('connectOrigins', () => {
  it('names OpenAlex alone without ?file= or override', () => {
    expect(connectOrigins(page, null)).toEqual(['https://api.openalex.org']);
    expect(connectPolicyText(connectOrigins(page, null))).toBe("connect-src 'self' https://api.openalex.org");
  });
  it('adds the origin of ?file= and of the OpenAlex base override, once each, never the page itself', () => {
    const href = `${page}?file=${encodeURIComponent('http://Data.Example:8080/a/b.bib?x=1')}&dataset=shown`;
    expect(connectOrigins(href, 'http://127.0.0.1:9999/api')).toEqual(['https://api.openalex.org', 'http://data.example:8080', 'http://127.0.0.1:9999']);
    expect(connectOrigins(`${page}?file=/local.bib`, 'https://api.openalex.org/')).toEqual(['https://api.openalex.org']);
  });
  it('ignores what is not an http(s) origin that can stand in a policy', () => {
    for (const file of [
      'javascript:alert(1)',
      'data:text/plain,x',
      'blob:https://x/1',
      'http://[::1]:80/x',
      'http://a;script-src*/x',
      'http://*.example/x',
      'not a url ::',
    ]) {
      expect(connectOrigins(`${page}?file=${encodeURIComponent(file)}`, `ftp://x/${file}`)).toEqual(['https://api.openalex.org']);
    }
    expect(originForPolicy('https://ok.example/path', page)).toBe('https://ok.example');
    expect(originForPolicy('relative/path', page)).toBe('https://atlas.example');
  });
});
