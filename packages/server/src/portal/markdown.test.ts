import { describe, expect, it } from 'vitest';
import { markup, trustedHtml } from './html.js';
import {
  isAllowedImageSource,
  isAllowedLink,
  markdownImages,
  plainExcerpt,
  renderMarkdown,
} from './markdown.js';

/** An image as uploaded: named by its SHA-256. */
const MAP = `/media/${'a'.repeat(64)}.png`;

/** Every tag name and every attribute of the rendered HTML. */
function tagsAndAttributes(markup: string): { tags: Set<string>; attributes: string[] } {
  const tags = new Set<string>();
  const attributes: string[] = [];
  for (const match of markup.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    tags.add((match[1] ?? '').toLowerCase());
    for (const attr of (match[2] ?? '').matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      attributes.push(`${attr[1]}=${attr[2]}`);
    }
  }
  return { tags, attributes };
}

const SAFE_TAGS = new Set([
  'p',
  'a',
  'img',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  's',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

describe('renderMarkdown', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](file:///etc/passwd)',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    '![x](http://insecure.example/a.png)',
    '![x](/other/a.png)',
    '<javascript:alert(1)>',
    '<data:text/html,<script>alert(1)</script>>',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    '`<script>alert(1)</script>`',
    '```html\n<script>alert(1)</script>\n```',
  ];

  it.each(attacks)('renders %j without any way to run script', (source) => {
    const markup = renderMarkdown(source);
    const { tags, attributes } = tagsAndAttributes(markup);
    for (const tag of tags) expect(SAFE_TAGS).toContain(tag);
    for (const attribute of attributes) {
      expect(attribute).not.toMatch(/^on/i);
      expect(attribute).not.toMatch(/^(href|src)=\s*(javascript|vbscript|data|file):/i);
    }
    expect(markup).not.toMatch(/<script/i);
  });

  it('escapes raw HTML as text', () => {
    expect(renderMarkdown('<b>bold</b> & <i>it</i>')).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;it&lt;/i&gt;</p>\n',
    );
  });

  it('keeps http(s), mailto and relative links; external ones get noopener noreferrer', () => {
    expect(renderMarkdown('[a](https://benelux.example/x)')).toBe(
      '<p><a href="https://benelux.example/x" rel="noopener noreferrer">a</a></p>\n',
    );
    expect(renderMarkdown('[a](http://benelux.example)')).toContain('rel="noopener noreferrer"');
    expect(renderMarkdown('[a](/nl/themes/security)')).toBe(
      '<p><a href="/nl/themes/security">a</a></p>\n',
    );
    expect(renderMarkdown('[a](mailto:info@benelux.example)')).toBe(
      '<p><a href="mailto:info@benelux.example">a</a></p>\n',
    );
    expect(renderMarkdown('<https://benelux.example>')).toContain(
      '<a href="https://benelux.example" rel="noopener noreferrer">',
    );
  });

  it('does not turn bare addresses into links', () => {
    expect(renderMarkdown('see https://benelux.example and www.benelux.example')).not.toContain(
      '<a ',
    );
  });

  it('shows uploaded images (/media/<sha256>.<ext>) only; others become their alt text', () => {
    expect(renderMarkdown(`![A map](${MAP})`)).toBe(
      `<p><img src="${MAP}" alt="A map" loading="lazy"></p>\n`,
    );
    expect(renderMarkdown('![A map](https://maps.example/m.png)')).toBe('<p>A map</p>\n');
    expect(renderMarkdown('![A <b>map</b>](http://maps.example/m.png)')).toBe(
      '<p>A &lt;b&gt;map&lt;/b&gt;</p>\n',
    );
    expect(renderMarkdown('![Up](/media/../secret.png)')).toBe('<p>Up</p>\n');
    expect(renderMarkdown('![Named](/media/map.png)')).toBe('<p>Named</p>\n');
  });

  it('never renders an h1: the highest heading becomes an h2', () => {
    expect(renderMarkdown('# One\n\n## Two\n\n###### Six')).toBe(
      '<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n',
    );
    expect(renderMarkdown('## Two\n\n### Three')).toBe('<h2>Two</h2>\n<h3>Three</h3>\n');
    expect(renderMarkdown('Title\n=====')).toBe('<h2>Title</h2>\n');
  });

  it('aligns table cells by class, not by inline style', () => {
    const markup = renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |');
    expect(markup).toContain('<th class="align-left">a</th>');
    expect(markup).toContain('<td class="align-right">2</td>');
    expect(markup).not.toContain('style=');
  });
});

describe('markdownImages', () => {
  it('lists every image with its source and alt text, whatever the source', () => {
    expect(
      markdownImages(
        'Text ![A map](/media/map.png) and ![](https://x.example/a.png)\n\n- ![ Spaced ](javascript:alert(1))',
      ),
    ).toEqual([
      { src: '/media/map.png', alt: 'A map' },
      { src: 'https://x.example/a.png', alt: '' },
      { src: 'javascript:alert(1)', alt: 'Spaced' },
    ]);
    expect(markdownImages('no images, [a link](https://x.example)')).toEqual([]);
  });
});

describe('plainExcerpt', () => {
  it('keeps the text only, without markup or images', () => {
    expect(
      plainExcerpt(
        '# Title\n\nSome **bold** and [a link](https://x.example).\n\n![alt](/media/a.png)\n\n- one\n- two',
        200,
      ),
    ).toBe('Title Some bold and a link. one two');
  });

  it('cuts at a word boundary with an ellipsis, never longer than asked', () => {
    const excerpt = plainExcerpt('The quick brown fox jumps over the lazy dog', 20);
    expect(excerpt).toBe('The quick brown fox…');
    expect(excerpt.length).toBeLessThanOrEqual(20);
    expect(plainExcerpt('Short.', 20)).toBe('Short.');
  });
});

describe('html', () => {
  it('escapes interpolated values and keeps trusted ones', () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(markup`<h1 title="${title}">${title}</h1>`.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>',
    );
    expect(
      markup`<div>${trustedHtml('<p>ok</p>')}${[markup`<i>${'<'}</i>`, 'a&b']}${null}${false}</div>`
        .value,
    ).toBe('<div><p>ok</p><i>&lt;</i>a&amp;b</div>');
  });
});

describe('allowed addresses', () => {
  it('links: http(s), mailto and relative only', () => {
    for (const ok of [
      'https://a.example',
      'http://a.example',
      'mailto:a@b.example',
      '/x',
      'x/y',
      '#top',
      '?q=1',
    ]) {
      expect(isAllowedLink(ok)).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///x',
      'tel:123',
    ]) {
      expect(isAllowedLink(bad)).toBe(false);
    }
  });

  it('images: uploaded to /media/ only', () => {
    expect(isAllowedImageSource(MAP)).toBe(true);
    expect(isAllowedImageSource(`/media/${'0'.repeat(64)}.webp`)).toBe(true);
    for (const bad of [
      '/media/a.png',
      'https://x.example/a.png',
      `/media/${'0'.repeat(64)}.gif`,
      `/media/${'0'.repeat(64)}.png?x=1`,
      'http://x.example/a.png',
      '/media/../a.png',
      '//x.example/a.png',
      'media/a.png',
      'data:image/png;base64,AA',
      'https:///x',
    ]) {
      expect(isAllowedImageSource(bad)).toBe(false);
    }
  });
});
