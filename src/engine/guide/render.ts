// The guide as text (plan and apply in a terminal) and as a Markdown checklist (`plan --format md`: a printout,
// or a remote desktop where the clipboard is blocked).
import { HELP_URL, type Guide, type GuideStep } from './steps';

const help = (s: GuideStep) => (s.help.length > 0 ? `help ${s.help.map((h) => `h${h}`).join(', ')}` : '');

/** One step as lines of text, indented under its number. */
export function stepLines(s: GuideStep, n: number): string[] {
  const out = [`${n}. ${s.blocked ? '[cannot be done yet] ' : ''}${s.text}`];
  for (const v of s.values) out.push(`     ${v.label}: ${v.value}`);
  s.substeps.forEach((x, i) => out.push(`     ${String.fromCharCode(97 + i)}) ${x}`));
  for (const note of s.notes) out.push(`     note: ${note}`);
  if (s.blocked) out.push(`     blocked: ${s.blocked}`);
  const h = help(s);
  if (h) out.push(`     ${h}`);
  if (!s.blocked) out.push(`     then record it: ${s.record}`);
  return out;
}

export function guideText(g: Guide): string {
  if (g.steps.length === 0) return '';
  const out = [`Steps in the vendor's tools (site ${g.site}: activation vendor-tools; nothing below is done by the workbench):`];
  let n = 0;
  for (const group of g.groups) {
    out.push('', `${group.toolName} — ${group.computer}`);
    for (const s of group.steps) out.push(...stepLines(s, ++n).map((l) => `  ${l}`));
  }
  return `${out.join('\n')}\n`;
}

const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function guideMarkdown(g: Guide): string {
  const out = [`# Checklist: site ${md(g.site)}`, '', "Done in the vendor's tools (License Administrator, Device Administrator); record each step once done.", ''];
  if (g.steps.length === 0) out.push('Nothing to do: the ledger shows what the plan asks for.', '');
  let n = 0;
  for (const group of g.groups) {
    out.push(`## ${md(group.toolName)} — ${md(group.computer)}`, '');
    for (const s of group.steps) {
      out.push(`- [ ] **${++n}.** ${s.blocked ? '*(cannot be done yet)* ' : ''}${md(s.text)}`);
      for (const v of s.values) out.push(`  - ${md(v.label)}: \`${v.value.replace(/`/g, "'")}\``);
      s.substeps.forEach((x, i) => out.push(`  - [ ] ${String.fromCharCode(97 + i)}) ${md(x)}`));
      for (const note of s.notes) out.push(`  - note: ${md(note)}`);
      if (s.blocked) out.push(`  - blocked: ${md(s.blocked)}`);
      if (s.help.length > 0) out.push(`  - help: ${s.help.map((h) => `[h${h}](${HELP_URL(h)})`).join(', ')}`);
      if (!s.blocked) out.push(`  - record: \`${s.record}\``);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
