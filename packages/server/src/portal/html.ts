/**
 * HTML built from tagged templates (`markup`): every interpolated value is escaped
 * unless it is already `SafeHtml` (the result of another `markup` template, or of `trustedHtml` for
 * HTML made by the Markdown renderer). Arrays are joined without separator; null,
 * undefined and false render nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/g;
const HAS_SPECIAL = /[&<>"']/;

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : text;
}

function append(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += append(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** The tag is not called `html`: code formatters would reformat the page templates. */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    out += append(values[i]);
    out += strings[i + 1] ?? '';
  }
  return new SafeHtml(out);
}

/** Marks HTML as safe as it is. Only for the output of `renderMarkdown`. */
export function trustedHtml(html: string): SafeHtml {
  return new SafeHtml(html);
}
