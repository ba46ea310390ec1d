/**
 * The HTML report's only styling, inlined so the file works offline and under a CSP that
 * allows nothing but inline styles. Light colours; every severity also has a word, a symbol
 * and its own border style, so colour is never the only signal (nor needed on paper).
 *
 * In print ("Save as PDF", A4 or Letter: no page size is set, so the printer's applies), the
 * cover and summary come first, each sequence starts a page, nothing a reader takes as
 * one item (a finding, a fix, a table row, the chart) is cut across pages, and a link prints its
 * address, since paper cannot be clicked. Table cells break long words only when they must
 * (break-word): "anywhere" would let the table squeeze a column to a letter's width.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 2.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.02rem; margin: 1.4rem 0 .5rem; }
.cover { padding: 1.5rem 0 1rem; border-bottom: 4px solid #1f2328; }
.cover h1 { font-size: 1.9rem; }
.cover__facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem 1.25rem; margin: 0; font-size: 1.05rem; }
.cover__facts dt { font-weight: 600; color: #59636e; }
.cover__facts dd { margin: 0; overflow-wrap: anywhere; }
.cover__facts dd p { margin: 0 0 .4rem; }
.sequence > h2 { font-size: 1.4rem; border-bottom-width: 3px; margin-top: 2.5rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #f6f8fa; padding: 0 .25em; border-radius: 4px; overflow-wrap: anywhere; }
a { color: #0550ae; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: 0 0 .75rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0; }
.counts li { border: 1px solid #d0d7de; border-radius: 6px; padding: .2rem .7rem; font-weight: 600; }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; overflow-wrap: anywhere; break-inside: avoid; }
.finding p { margin: .2rem 0; }
.fixes { padding-left: 1.5rem; margin: 0; font-size: .95rem; }
.fix-item { margin: .35rem 0; padding-left: .6rem; border-left-width: 4px; break-inside: avoid; }
.fix-item p { margin: .1rem 0; }
.fix-item strong { font-weight: 600; }
.sequences { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .75rem; }
.sequences caption { text-align: left; color: #59636e; font-size: .85rem; }
.sequences th, .sequences td { border-bottom: 1px solid #d0d7de; padding: .25rem .4rem; text-align: left; overflow-wrap: break-word; }
.sequences td { text-align: right; }
.badge { display: inline-block; margin-right: .5rem; padding: 0 .5rem; border: 1px solid currentColor; border-radius: 999px; font-size: .8rem; font-weight: 700; }
.sev-error { border-left-color: #cf222e; border-left-style: solid; }
.sev-error .badge, .counts .sev-error { color: #a40e26; background: #ffebe9; }
.sev-warning { border-left-color: #bf8700; border-left-style: double; }
.sev-warning .badge, .counts .sev-warning { color: #7d4e00; background: #fff8c5; }
.sev-info { border-left-color: #0969da; border-left-style: dotted; }
.sev-info .badge, .counts .sev-info { color: #0550ae; background: #ddf4ff; }
.sev-review { border-left-color: #8250df; border-left-style: dashed; }
.sev-review .badge, .counts .sev-review { color: #6639ba; background: #fbefff; }
.sev-accepted { border-left-color: #6e7781; border-left-style: dotted; }
.sev-accepted .badge { color: #424a53; background: #f6f8fa; }
.fix { color: #1f2328; }
.rule, .meta { color: #59636e; font-size: .9rem; }
.run-order { font-size: 1.05rem; overflow-wrap: anywhere; }
.timeline { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .75rem; }
.timeline caption { text-align: left; color: #59636e; font-size: .85rem; }
.timeline th, .timeline td { border-bottom: 1px solid #d0d7de; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.timeline-skipped, .timeline-never, .timeline-unknown { color: #59636e; }
.notice { border-left: 4px solid #bf8700; padding-left: .6rem; }
.timeline-chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
.timeline-chart text { font-size: 11px; fill: #59636e; }
.timeline-chart .tick line { stroke: #eaeef2; }
.timeline-chart .axis { stroke: #d0d7de; }
.timeline-chart .mark { fill: #0969da; stroke: #0969da; stroke-width: 2; }
.timeline-chart .mark.quiet { fill: #fff; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #d0d7de; color: #59636e; font-size: .85rem; }
@page { margin: 16mm 15mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .sequence { break-before: page; }
  .cover { padding-top: 0; }
  .sequence > h2 { margin-top: 0; }
  h2, h3 { break-after: avoid; }
  .finding, .fix-item, tr, .counts li, .facts, .cover__facts, .timeline-chart { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  a[href]:not([href^="#"])::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
}
`.trim();
