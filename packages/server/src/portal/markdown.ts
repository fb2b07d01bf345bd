/**
 * Markdown of the public portal: the one way an editor's text becomes HTML.
 *
 * - Raw HTML is never passed through (`html: false` escapes it), bare addresses are not
 *   turned into links (`linkify: false`).
 * - Links may point only to http(s), mailto or relative addresses; anything else
 *   (javascript:, data:, vbscript:, file: …) stays literal text.
 * - Images may come only from this node's `/media/` (uploaded by editors); another
 *   image is shown as its alternative text.
 * - Headings are shifted so that the highest becomes an h2 (`#` or, in a text that
 *   starts at `##`, `##`): the page owns the only h1 and no heading level is skipped.
 * - Links to other sites get rel="noopener noreferrer".
 */
import MarkdownItFactory from 'markdown-it';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { MEDIA_PATH } from './media.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True for an address a portal link may point to: http(s), mailto or relative. */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  const scheme = SCHEME.exec(trimmed);
  if (!scheme) return true;
  return LINK_SCHEMES.has((scheme[1] ?? '').toLowerCase());
}

/** True for an image source the portal shows: an image uploaded to this node (/media/…). */
export function isAllowedImageSource(src: string): boolean {
  return MEDIA_PATH.test(src.trim());
}

function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href.trim());
}

/** The body's highest heading becomes an h2, the others keep their distance to it. */
function shiftHeadings(tokens: Token[]): void {
  const headings = tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  for (const token of headings) {
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(6, level - top + 2)}`;
  }
}

/** Table alignment becomes a class instead of an inline style attribute. */
function alignmentAsClass(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = attr(token, 'style');
    if (!style) continue;
    const align = /text-align:\s*(left|right|center)/.exec(style)?.[1];
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    if (align) token.attrSet('class', `align-${align}`);
  }
}

function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

function guardInline(tokens: Token[], TokenOf: StateCore['Token']): void {
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = [];
    for (const token of block.children) {
      if (token.type === 'image') {
        const src = attr(token, 'src');
        if (!isAllowedImageSource(src)) {
          // Shown as its alternative text: a Text token is escaped by the renderer.
          const text = new TokenOf('text', '', 0);
          text.content = token.content;
          children.push(text);
          continue;
        }
        token.attrSet('loading', 'lazy');
      } else if (token.type === 'link_open') {
        const href = attr(token, 'href');
        if (isExternal(href)) token.attrSet('rel', 'noopener noreferrer');
      }
      children.push(token);
    }
    block.children = children;
  }
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: true });
  md.validateLink = isAllowedLink;
  md.core.ruler.push('portal_guard', (state) => {
    shiftHeadings(state.tokens);
    alignmentAsClass(state.tokens);
    guardInline(state.tokens, state.Token);
  });
  return md;
}

const renderer = createRenderer();

/** Parser that keeps every link and image, whatever its address, to report on them. */
const inspector = new MarkdownItFactory({ html: false, linkify: false, typographer: false });
inspector.validateLink = () => true;

/** The HTML of an editor's Markdown, safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

function walk(tokens: Token[], visit: (token: Token) => boolean | void): void {
  for (const token of tokens) {
    const descend = visit(token) !== false;
    if (descend && token.children) walk(token.children, visit);
  }
}

/** Every image of the Markdown, with its source as written (encoded) and its alt text. */
export function markdownImages(source: string): { src: string; alt: string }[] {
  const images: { src: string; alt: string }[] = [];
  walk(inspector.parse(source, {}), (token) => {
    if (token.type === 'image') {
      images.push({ src: attr(token, 'src'), alt: token.content.trim() });
    }
  });
  return images;
}

/**
 * The text of the Markdown without any markup, whitespace collapsed, cut to at most
 * `max` characters at a word boundary (an ellipsis marks the cut).
 */
export function plainExcerpt(source: string, max: number): string {
  const parts: string[] = [];
  walk(inspector.parse(source, {}), (token) => {
    if (token.type === 'image') return false;
    if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
    else if (token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    else if (token.type.endsWith('_close') && token.block) parts.push(' ');
  });
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const wholeWord = text.charAt(max - 1) === ' ';
  const head = !wholeWord && space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s.,;:!?-]+$/, '')}…`;
}
