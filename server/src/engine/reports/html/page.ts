/**
 * The shell every report page shares: a strict Content-Security-Policy that
 * allows no remote resource at all, the inline stylesheet and script (pinned
 * by nonce when the caller gives one, by hash otherwise, so the same input
 * renders to the same bytes), and the body.
 */
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import type { Locale } from '../../messages';
import { html, jsonForScript, trusted, type Html } from './escape';
import { labelsFor } from './labels';
import { REPORT_SCRIPT } from './script';
import { REPORT_STYLES } from './styles';

export interface PageOptions {
  /** A fresh random nonce per render (VS Code webviews); without it, inline code is pinned by sha256 hash. */
  readonly nonce?: string;
  /** VS Code's `webview.cspSource`, allowed for styles and images when given. */
  readonly cspSource?: string;
  /** The language of the page's labels (default English); also its `<html lang>`. */
  readonly locale?: Locale;
}

export interface Page {
  readonly title: string;
  readonly lang?: string;
  readonly body: Html;
  /** Embedded as `<script type="application/json" id="densho-data">`, for tools that read the file. */
  readonly data?: unknown;
  /** Printed at the foot of every page, left, with "Page N of M" on the right. */
  readonly printFooter?: string;
}

/** A CSP source for inline code: pure-JS SHA-256 (a few kilobytes of script and style per page), the engine imports no built-ins. */
const sha256 = (text: string): string => `'sha256-${btoa(String.fromCharCode(...sha256Bytes(new TextEncoder().encode(text))))}'`;

/** The page box's footer: the caller's text and the page count, in the margin where Chromium's print puts nothing of its own. */
export function printFooterStyles(footer: string, locale: Locale = 'en'): string {
  return `@media print { @page { @bottom-left { content: ${cssString(footer)}; font: 9px system-ui, sans-serif; color: #5b6673; } @bottom-right { content: ${pageCount(locale)}; font: 9px system-ui, sans-serif; color: #5b6673; } } }`;
}

// The catalog's sentence with CSS counters where the numbers go: "Page " counter(page) " of " counter(pages).
const PAGE = '\uE100';
const PAGES = '\uE101';

function pageCount(locale: Locale): string {
  const sentence = labelsFor(locale).text('html.page-of', { page: PAGE, pages: PAGES });
  return sentence
    .split(/([\uE100\uE101])/)
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** A CSS string literal: everything but plain letters, digits and a few marks as escapes, so no text can end it or the style element. */
function cssString(text: string): string {
  return `"${[...text].map((char) => (/^[\p{L}\p{N} .,:;·()_-]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

export function contentSecurityPolicy(options: PageOptions, extraStyles: readonly string[] = []): string {
  const pin = (code: string) => (options.nonce ? `'nonce-${options.nonce}'` : sha256(code));
  const source = options.cspSource ? ` ${options.cspSource}` : '';
  const styles = options.nonce ? pin(REPORT_STYLES) : [REPORT_STYLES, ...extraStyles].map(pin).join(' ');
  return [
    "default-src 'none'",
    `img-src data:${source}`,
    `style-src ${styles}${source}`,
    `script-src ${pin(REPORT_SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderPage(page: Page, options: PageOptions = {}): string {
  if (options.nonce !== undefined && !/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) {
    throw new Error('The nonce must be at least 16 characters of base64.');
  }
  const nonce = options.nonce;
  const data = page.data === undefined ? '' : html`<script type="application/json" id="densho-data">${trusted(jsonForScript(page.data))}</script>\n`;
  const footerStyles = page.printFooter === undefined ? undefined : printFooterStyles(page.printFooter, options.locale);
  return html`<!DOCTYPE html>
<html lang="${page.lang ?? options.locale ?? 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options, footerStyles === undefined ? [] : [footerStyles])}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<style${nonce ? html` nonce="${nonce}"` : ''}>${trusted(REPORT_STYLES)}</style>
${footerStyles === undefined ? '' : html`<style${nonce ? html` nonce="${nonce}"` : ''}>${trusted(footerStyles)}</style>\n`}
</head>
<body>
${page.body}
${data}<script${nonce ? html` nonce="${nonce}"` : ''}>${trusted(REPORT_SCRIPT)}</script>
</body>
</html>
`.value;
}
