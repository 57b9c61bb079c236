// What `bmslicense <command> --help` prints: the usage, what the command does, every option it knows with
// what it is for, and examples to copy.
import { SHORT_OPTIONS, type OptionTable } from './args';
import type { CliCommand } from './io';

/** Every option of every command, in the engineer's words (the value's name, then what it does). */
const OPTION_HELP: Record<string, [string, string]> = {
  site: ['NAME', "the Site's metadata.name"],
  target: ['ID', 'one server, License Server or client of the site (default: the whole site)'],
  workspace: ['DIR', 'the folder holding the *.bms.yaml files (default: the current folder)'],
  by: ['USER', 'who does it, for the ledger (default: your user name)'],
  format: ['FORMAT', 'the output format (see the usage line)'],
  'detailed-exitcode': ['', 'exit 0 when nothing is to do, 2 when there is drift, 1 on an error (for CI)'],
  yes: ['', 'do returns without asking (apply and return never return licenses without it)'],
  offline: ['DIR', 'the folder to write offline request files to (required on an offline site)'],
  responses: ['DIR', 'a folder of offline response files to import while applying'],
  'public-key': ['FILE', "the LAS's public key (PEM) that offline responses are verified against"],
  out: ['FILE', 'write to this file (or folder, where the usage says DIR) instead of standard output'],
  today: ['YYYY-MM-DD', 'judge expiry and repair budgets as on this day (local calendar)'],
  'expiry-warning-days': ['N', 'warn (BMS041) this many days before a license expires, unless the plan says'],
  lmstat: ['FILE[,FILE…]', 'saved `lmutil lmstat -a` outputs, for the Used column'],
  transaction: ['T', 'the activation transaction to repair'],
  'mark-broken': ['', 'record that the transaction is broken (the server reports its licenses invalid)'],
  las: ['URL', 'the HTTP activation server of a site with activation: http (token: BMSLICENSE_LAS_TOKEN)'],
  'las-token-env': ['VAR', 'the environment variable holding the --las token (default BMSLICENSE_LAS_TOKEN)'],
  to: ['VERSION', 'the EBO version to upgrade to'],
  tier: ['TIER', 'the 7.0 tier chosen for the upgrade: essential (3 concurrent clients), advanced or advanced-plus (unlimited)'],
  'activation-id': ['A', 'an activation id; repeat it with --quantity for licenses activated together (one transaction)'],
  quantity: ['N', 'the quantity of the --activation-id before it'],
  'vendor-ref': ['ID', "the vendor's id of what was done, as its tool shows it (repeatable); a return or repair finds its transaction by it"],
  at: ['TIME', 'when it was done (2026-03-14 or 2026-03-14T09:30:00Z), for work done before the workbench was adopted'],
  anyway: ['REASON', 'record it although the ledger contradicts it (the vendor\'s tool is the truth); shown as a warning'],
  reason: ['R', 'void: why; broken: restore, host, time or other'],
  request: ['OP', 'request-created: what the offline request asks (activate, return, reclaim, repair)'],
  line: ['N', 'adopt, void: the 1-based ledger line'],
  all: ['', 'adopt: every line written without via (by an earlier version)'],
  answers: ['FILE', "apply's checklist: the answers from a file (or - for standard input) instead of the terminal"],
  'license-server': ['ID', 'the License Server that wrote the log (with --site: kept for the tree and the dashboard)'],
  port: ['P', 'the port to listen on, on 127.0.0.1'],
  data: ['DIR', "the simulator's state folder (default: .bmslicense/las-sim of the workspace)"],
  'token-env': ['VAR', 'the environment variable holding the bearer token clients must send'],
};

const EXAMPLES: Record<string, string[]> = {
  validate: ['bmslicense validate', 'bmslicense validate examples/hospital-north --format json', 'bmslicense validate --format sarif > bms.sarif   # CI: GitHub code scanning (junit: test reports)', 'bmslicense validate plan.bms.yaml   # one file: its site is found in the workspace'],
  plan: ['bmslicense plan --site hospital-north', 'bmslicense plan --site hospital-north --detailed-exitcode   # CI: exit 2 on drift'],
  apply: ['bmslicense apply --site hospital-north', 'bmslicense apply --site hospital-north --yes   # also does the returns the plan lists'],
  activate: ['bmslicense activate --site hospital-north --target es-01', 'bmslicense activate --site plant-b --offline requests/'],
  reclaim: ['bmslicense reclaim --site hospital-north --target as-01'],
  return: ['bmslicense return --site hospital-north --target as-01            # lists what would go back', 'bmslicense return --site hospital-north --target as-01 --yes'],
  'confirm-return': ['bmslicense confirm-return --site plant-b --target es-01'],
  repair: ['bmslicense repair --site hospital-north --target es-01'],
  'import-responses': ['bmslicense import-responses responses/ --site plant-b'],
  record: [
    'bmslicense record activate --site hospital-north --target es-01 --activation-id ACT-7F3A-0002 --quantity 1 --activation-id ACT-9C21-0003 --quantity 2',
    'bmslicense record return --site hospital-north --target as-01 --vendor-ref FID-2211',
    'bmslicense record activate --site hospital-north --target ls-main --activation-id ACT-7F3A-0003 --quantity 5 --at 2025-06-02   # done before',
    'bmslicense record adopt --site hospital-north --all   # lines written by an earlier version',
    'bmslicense record void --site hospital-north --line 7 --reason "practice run"',
  ],
  las: ['bmslicense las respond requests/*.json --out responses/', 'bmslicense las public-key --out las.pem', 'bmslicense las serve --port 8411', 'bmslicense las restore --site hospital-north   # rebuild the simulator from the ledger'],
  lmstat: ['bmslicense lmstat lmstat.txt', 'lmutil lmstat -a -c 27000@localhost | bmslicense lmstat -   # from standard input'],
  report: ['bmslicense report --site hospital-north --format html --out handover.html'],
  'upgrade-report': ['bmslicense upgrade-report --site riverside-plant --to 7.0 --workspace examples/riverside-plant', 'bmslicense upgrade-report --site riverside-plant --to 7.0 --tier essential --workspace examples/riverside-plant'],
  'licenses-log': ['bmslicense licenses-log licenses.log', 'bmslicense licenses-log licenses.log --site hospital-north --license-server ls-main   # kept for the tree'],
  completion: ['bmslicense completion bash > /etc/bash_completion.d/bmslicense', 'bmslicense completion zsh > "${fpath[1]}/_bmslicense"', 'bmslicense completion pwsh >> $PROFILE'],
};

/** The help of one command; with `options` (from its parser), every option it knows. */
export function commandHelp(command: CliCommand, options?: OptionTable): string {
  const out = [`Usage: ${command.usage}`, '', `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`];
  const names = Object.keys(options ?? {});
  if (names.length > 0) {
    const rows = [...names.map((n) => optionRow(n, options![n]!)), ['-h, --help', 'show this help']];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    out.push('', 'Options:', ...rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`));
  }
  const examples = EXAMPLES[command.name];
  if (examples) out.push('', 'Examples:', ...examples.map((e) => `  ${e}`));
  return `${out.join('\n')}\n`;
}

function optionRow(name: string, takesValue: boolean): [string, string] {
  const [value, what] = OPTION_HELP[name] ?? [takesValue ? 'VALUE' : '', ''];
  const short = SHORT_OPTIONS[name] ? `-${SHORT_OPTIONS[name]}, ` : '    ';
  return [`${short}--${name}${takesValue && value ? ` ${value}` : ''}`, what];
}
