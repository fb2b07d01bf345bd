import { createHash } from 'node:crypto';

/**
 * The portal's one stylesheet. Colours meet WCAG 2.1 AA contrast (body text 16:1,
 * secondary text 7:1, links 8:1, header text on its blue 12:1); every focusable
 * element shows a thick focus indicator.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
.wrap{max-width:48rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f8a;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#06325a;text-decoration-thickness:.15em}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
a:focus-visible{outline:3px solid transparent;background:#ffdd00;color:#1a1a1a;box-shadow:0 -2px #ffdd00,0 4px #1a1a1a;text-decoration:none}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#1a1a1a;z-index:10}
.skip-link:focus{left:1rem;top:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.site-header{background:#12355b;color:#fff;padding:1rem 0}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem}
.site-header a,.site-header a:visited{color:#fff}
.brand{font-size:1.5rem;font-weight:700;text-decoration:none}
.tagline{margin:0;flex:1 1 16rem;font-size:.95rem}
.languages ul{list-style:none;display:flex;gap:.75rem;margin:0;padding:0}
.languages a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}
.preview{background:#fff4d6;border-bottom:3px solid #8a5a00;padding:.75rem 0;font-weight:700}
.breadcrumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .5rem;margin:1rem 0 0;padding:0;font-size:.95rem}
.breadcrumbs li+li::before{content:"›";margin-right:.5rem;color:#505a5f}
main{padding-bottom:2rem}
h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 1rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .75rem}
h3{font-size:1.2rem;margin:1.25rem 0 .25rem}
.lead{font-size:1.2rem}
.meta{color:#505a5f;font-size:.95rem;margin:.25rem 0}
.news-list,.theme-list,.alternatives{list-style:none;margin:0;padding:0}
.news-list>li,.theme-list>li{border-top:1px solid #b1b4b6;padding:.25rem 0 .75rem}
.news-list p{margin:.25rem 0}
.more{margin-top:1.5rem;font-weight:700}
.pagination ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0}
.body img{max-width:100%;height:auto}
.body table{border-collapse:collapse}
.body th,.body td{border:1px solid #b1b4b6;padding:.25rem .5rem}
.align-left{text-align:left}.align-right{text-align:right}.align-center{text-align:center}
.body pre{overflow:auto;background:#f3f2f1;padding:.75rem}
.body blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid #b1b4b6}
.site-footer{border-top:4px solid #12355b;background:#f3f2f1;padding:1rem 0;font-size:.95rem}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important}}
`.trim();

/** A long-cacheable address: the content's hash changes with the content. */
export const PORTAL_CSS_VERSION = createHash('sha256')
  .update(PORTAL_CSS)
  .digest('base64url')
  .slice(0, 12);
export const PORTAL_CSS_PATH = `/portal.css?v=${PORTAL_CSS_VERSION}`;
