"""The page's only stylesheet: inline, system fonts, screen and print (Letter and A4)."""

from __future__ import annotations

CSS = """
:root { --ink: #1b1f24; --muted: #545d68; --line: #d5dae1; --accent: #1f3a5f;
  --self: #6b7280; --endorsed: #1d5fa8; --trusted: #1f7a4a; --accredited: #6a3d9a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f5; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
  "Liberation Sans", Arial, sans-serif; }
.page { max-width: 860px; margin: 24px auto; padding: 36px 44px; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 30px; }
h2 { font-size: 19px; color: var(--accent); margin: 28px 0 10px; padding-bottom: 4px;
  border-bottom: 2px solid var(--accent); }
h3 { font-size: 17px; }
p { margin: 0 0 8px; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
  font-size: 0.88em; }
.top { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between;
  padding-bottom: 16px; border-bottom: 1px solid var(--line); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px;
  color: var(--muted); margin-bottom: 4px; }
.meta { color: var(--muted); margin-top: 6px; }
.qr-box { margin: 0; text-align: center; flex: 0 0 auto; width: 150px; }
.qr-box svg { width: 150px; height: 150px; display: block; }
.qr-box figcaption { font-size: 11px; color: var(--muted); line-height: 1.3; }
.intro { margin-top: 14px; }
.legend { margin: 10px 0 0; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
.legend li { margin: 2px 0; }
.skill { border: 1px solid var(--line); border-left: 5px solid var(--self); border-radius: 4px;
  padding: 12px 16px; margin: 0 0 12px; }
.skill-head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline;
  justify-content: space-between; margin-bottom: 6px; }
.tier { font-size: 12.5px; font-weight: 600; border: 1.5px solid var(--self); color: var(--self);
  border-radius: 999px; padding: 1px 10px; white-space: nowrap; }
.t-endorsed-unknown { border-color: var(--endorsed); color: var(--endorsed); }
.t-endorsed-trusted { border-color: var(--trusted); color: var(--trusted); }
.t-endorsed-accredited { border-color: var(--accredited); color: var(--accredited); }
.skill.t-endorsed-unknown { border-left-color: var(--endorsed); color: inherit; }
.skill.t-endorsed-trusted { border-left-color: var(--trusted); color: inherit; }
.skill.t-endorsed-accredited { border-left-color: var(--accredited); color: inherit; }
.skill.t-self-attested, .skill.t-third-party { color: inherit; }
.tier-note { font-size: 13px; color: var(--muted); }
.desc { color: var(--ink); }
dl { display: grid; grid-template-columns: 8.5em 1fr; gap: 4px 12px; margin: 8px 0 0; }
dt { font-weight: 600; color: var(--muted); font-size: 13.5px; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 18px; }
.exp-head h2 { margin-bottom: 4px; }
.exp-meta { color: var(--muted); margin: 0 0 10px; }
.story-by { font-size: 13px; font-weight: 600; color: var(--muted); margin: 0 0 2px; }
.exp-evidence { margin: 0 0 12px; }
.story { white-space: pre-line; font-style: italic; margin: 0 0 12px; padding: 2px 0 2px 12px;
  border-left: 3px solid var(--line); }
.glance { margin: 12px 0 0; padding: 10px 14px; background: #f6f8fb; border: 1px solid var(--line);
  border-radius: 4px; list-style: none; }
.glance li { margin: 2px 0; }
.small { font-size: 12.5px; color: var(--muted); }
.warn { color: #9b1c1c; font-weight: 600; }
.check { border: 2px solid var(--accent); border-radius: 6px; padding: 4px 18px 12px;
  margin-top: 28px; }
.check h2 { border: 0; margin-top: 12px; }
.check ol { padding-left: 20px; margin: 0 0 8px; }
.check li { margin-bottom: 6px; }
.cmd { background: #f4f6f9; border: 1px solid var(--line); border-radius: 4px;
  padding: 8px 10px; margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.digest code, .ids code { overflow-wrap: anywhere; }
.check .about { margin-top: 10px; font-size: 12px; color: var(--muted); }
.target { border: 2px dashed var(--muted); border-radius: 6px; padding: 4px 18px 12px;
  margin-top: 28px; }
.target h2 { border: 0; margin-top: 12px; color: var(--ink); }
.target h3 { font-size: 15px; margin: 12px 0 4px; }
.target ul { margin: 0 0 8px; padding-left: 20px; }
.unsigned { background: #f6f8fb; border: 1px solid var(--line); border-radius: 4px;
  padding: 8px 10px; }
a { color: var(--accent); overflow-wrap: anywhere; }
@page { size: auto; margin: 14mm 14mm 16mm; }
@media print {
  body { background: #fff; font-size: 10pt; line-height: 1.4; }
  .page { max-width: none; margin: 0; padding: 0; border: 0; }
  h1 { font-size: 21pt; }
  h2 { font-size: 13pt; margin: 14px 0 6px; break-after: avoid; }
  h3 { font-size: 11.5pt; }
  .top { padding-bottom: 8px; }
  .skill { padding: 7px 12px; margin-bottom: 8px; }
  .glance { background: #fff; }
  .check { font-size: 9.5pt; margin-top: 16px; }
  dl { grid-template-columns: 9em 1fr; gap: 2px 10px; }
  dt { font-size: 9pt; }
  .skill, .check, .top, .exp-head { break-inside: avoid; }
  .target { break-before: page; font-size: 9.5pt; }
  .target h3 { break-after: avoid; }
  .exp-head, .story-by { break-after: avoid; }
  .exp-meta { margin-bottom: 6px; }
  .story { margin-bottom: 8px; }
  .qr-box { width: 40mm; }
  .qr-box svg { width: 34mm; margin: 0 auto; }
  .qr-box svg { height: 34mm; }
  a { color: inherit; text-decoration: none; }
  .cmd { background: #fff; }
}
@media (max-width: 640px) {
  .page { padding: 20px; margin: 0; border: 0; }
  .top { flex-direction: column; }
  dl { grid-template-columns: 1fr; }
}
"""
