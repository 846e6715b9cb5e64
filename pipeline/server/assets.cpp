// assets.cpp - the style sheet and the script (see assets.h).
#include "assets.h"

namespace medloc::server {

const char* const kStyleSheet = R"css(
:root { --ink: #1d2430; --muted: #5b6575; --line: #d6dbe3; --bg: #f6f7f9; --accent: #1f5fa8;
        --new: #b8bfca; --needs: #d9822b; --translated: #e0b400; --revised: #4c9be8; --approved: #2e9e5b;
        --error: #c62828; --warning: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
header.top { display: flex; align-items: center; gap: 1rem; padding: .6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
header.top .brand { font-weight: 700; color: var(--accent); text-decoration: none; }
header.top .who { margin-left: auto; color: var(--muted); }
header.top form { margin: 0; }
main { padding: 1rem 1.2rem 3rem; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: .4rem 0 .8rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
a { color: var(--accent); }
button, .button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
.button.secondary, button.secondary { background: #fff; color: var(--accent); }
.notice { padding: .7rem 1rem; border-radius: 4px; margin: 0 0 1rem; border: 1px solid var(--line); background: #fff; white-space: pre-wrap; }
.notice.refused, .notice.error { border-color: var(--error); background: #fdecea; color: #7f1d1d; }
.notice.info { border-color: var(--approved); background: #e9f6ee; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; margin: 0 0 1rem; }
.locales { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; }
.badge { font-size: .85rem; padding: .15rem .5rem; border-radius: 10px; vertical-align: middle; }
.badge.ready { background: #e3f4e9; color: #1b6b3c; border: 1px solid #9fd4b3; }
.badge.not-ready { background: #fdf0e2; color: #8a4b0f; border: 1px solid #efc28f; }
svg.progress { width: 100%; height: 22px; display: block; margin: .3rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .3rem 0; padding: 0; list-style: none; font-size: .9rem; }
.legend .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .3rem; vertical-align: -1px; }
.s-new { fill: var(--new); background: var(--new); } .s-needs-translation { fill: var(--needs); background: var(--needs); }
.s-translated { fill: var(--translated); background: var(--translated); } .s-revised { fill: var(--revised); background: var(--revised); }
.s-approved { fill: var(--approved); background: var(--approved); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: .45rem .55rem; vertical-align: top; text-align: start; }
th { background: #eef1f5; font-weight: 600; }
td.num { color: var(--muted); width: 2.5rem; text-align: right; }
table.review { table-layout: fixed; }
table.review > thead > tr > th:nth-child(1) { width: 3rem; } table.review > thead > tr > th:nth-child(4) { width: 12rem; }
table.review > thead > tr > th:nth-child(5) { width: 9rem; }
table.review > tbody > tr > td { overflow-wrap: anywhere; }
details.history table { table-layout: auto; }
details.history td:nth-child(-n+4), details.history th { white-space: nowrap; }
table.review tbody.segment { border-top: 2px solid var(--line); }
tr.history-row td { border-top: none; padding-top: 0; padding-bottom: .3rem; }
tr.kind-heading td.source, tr.kind-heading td.target { font-weight: 700; }
.state { font-size: .8rem; padding: .1rem .45rem; border-radius: 9px; color: #fff; white-space: nowrap; }
.state-new { background: #7d8694; } .state-needs-translation { background: var(--needs); } .state-translated { background: #9a7b00; }
.state-revised { background: #2f78c4; } .state-approved { background: var(--approved); }
.by { display: block; color: var(--muted); font-size: .8rem; margin-top: .2rem; }
mark.qa-error { background: #ffd6d6; color: #7f1d1d; outline: 2px solid var(--error); border-radius: 2px; }
mark.qa-warning { background: #fff1c2; outline: 1px dashed var(--warning); }
ul.findings { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .88rem; }
ul.findings li.error { color: var(--error); } ul.findings li.warning { color: var(--warning); } ul.findings li.waived { color: var(--muted); }
.hidden-char { background: #222; color: #fff; font-size: .75em; padding: 0 .2em; border-radius: 2px; }
.placeholder { font-size: .8em; background: #eef1f5; border: 1px solid var(--line); padding: 0 .25em; border-radius: 3px; color: var(--muted); }
.changed { margin-top: .4rem; padding: .4rem .5rem; background: #f3f6fb; border-left: 3px solid var(--revised); font-size: .9rem; }
del { background: #fde2e2; text-decoration: line-through; } ins { background: #dcf5e3; text-decoration: none; }
.missing { color: var(--muted); }
td.actions a { display: block; margin: 0 0 .25rem; font-size: .9rem; }
details.history { margin-top: .3rem; font-size: .88rem; }
details.history table { font-size: .85rem; margin-top: .3rem; }
details.history summary { color: var(--accent); cursor: pointer; }
.manifestation dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
.manifestation dt { color: var(--muted); } .manifestation dd { margin: 0; font-weight: 600; }
form.sign label { display: block; margin: .7rem 0 .2rem; font-weight: 600; }
form.sign input[type=password], form.sign textarea, form.sign select, form.signin input { font: inherit; padding: .35rem; width: 100%; max-width: 32rem; }
form.signin { max-width: 24rem; } form.signin label { display: block; margin: .6rem 0 .2rem; }
.signoff { border-color: var(--approved); }
dl.counts { display: grid; grid-template-columns: repeat(2, 1fr); gap: .2rem .8rem; margin: .4rem 0; }
dl.counts div { display: flex; justify-content: space-between; border-bottom: 1px dotted var(--line); }
dl.counts dt { color: var(--muted); } dl.counts dd { margin: 0; font-weight: 600; }
.ok { color: var(--approved); font-weight: 700; } .not-ok { color: var(--error); }
@media print {
  header.top, td.actions, details.history, .no-print { display: none !important; }
  body { background: #fff; font-size: 10.5pt; }
  main { padding: 0; max-width: none; }
  .card { border: none; padding: 0; }
  tr { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .signature-block { page-break-inside: avoid; }
  table.review > thead > tr > th:nth-child(4) { width: 7.5rem; }
  .by { font-size: 7.5pt; }
}
.signature-block .line { display: inline-block; min-width: 16rem; border-bottom: 1px solid var(--ink); height: 1.6rem; }
.signature-block p { margin: .9rem 0; }
)css";

const char* const kScript = R"js(
// History on demand: a segment's history is fetched when its <details> opens.
document.addEventListener('toggle', function (event) {
  var details = event.target;
  if (!details.matches || !details.matches('details.history') || !details.open || details.dataset.loaded) return;
  details.dataset.loaded = 'yes';
  var box = details.querySelector('.history-body');
  fetch(details.dataset.src + '&fragment=1', { credentials: 'same-origin' })
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
    .then(function (html) { box.innerHTML = html; })
    .catch(function () { box.textContent = 'The history could not be loaded; open the link instead.'; });
}, true);
)js";

}  // namespace medloc::server
