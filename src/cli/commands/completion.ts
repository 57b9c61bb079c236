// `bmslicense completion bash|zsh|pwsh`: a shell completion script for the commands and their options,
// generated from the same option tables the commands parse with.
import { HelpRequest, SHORT_OPTIONS, type OptionTable } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../io';

const SHELLS = ['bash', 'zsh', 'pwsh'] as const;
type Shell = (typeof SHELLS)[number];

/** Each command's options, asked from its own parser (`--help` makes it hand over its table, running nothing). */
export async function optionsOf(command: CliCommand, args: string[] = []): Promise<OptionTable> {
  const quiet: CliIO = { cwd: process.cwd(), env: {}, out: () => undefined, err: () => undefined };
  try {
    await command.run([...args, '--help'], quiet);
  } catch (e) {
    if (e instanceof HelpRequest) return e.options;
  }
  return {};
}

async function table(commands: CliCommand[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const c of commands) {
    const names = Object.keys(await optionsOf(c)).flatMap((n) => [`--${n}`, ...(SHORT_OPTIONS[n] ? [`-${SHORT_OPTIONS[n]}`] : [])]);
    out.set(c.name, [...names, '--help']);
  }
  return out;
}

function bash(t: Map<string, string[]>): string {
  const cases = [...t].map(([name, opts]) => `    ${name}) opts="${opts.join(' ')}" ;;`).join('\n');
  return `# bash completion for bmslicense (bmslicense completion bash)
_bmslicense() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${[...t.keys()].join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
}
complete -o filenames -F _bmslicense bmslicense
`;
}

function zsh(t: Map<string, string[]>): string {
  return `#compdef bmslicense
# zsh completion for bmslicense (bmslicense completion zsh): the bash completion through bashcompinit.
autoload -U +X bashcompinit && bashcompinit
${bash(t)}`;
}

function pwsh(t: Map<string, string[]>): string {
  const entries = [...t].map(([name, opts]) => `  '${name}' = @(${opts.map((o) => `'${o}'`).join(', ')})`).join('\n');
  return `# PowerShell completion for bmslicense (bmslicense completion pwsh)
$bmslicenseOptions = @{
${entries}
}
Register-ArgumentCompleter -Native -CommandName bmslicense -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = $commandAst.CommandElements | ForEach-Object { $_.ToString() }
  if ($words.Count -le 1 -or ($words.Count -eq 2 -and $wordToComplete)) {
    $candidates = $bmslicenseOptions.Keys
  } else {
    $candidates = $bmslicenseOptions[$words[1]]
  }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | Sort-Object | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

export function completionCommand(all: () => CliCommand[]): CliCommand {
  return {
    name: 'completion',
    summary: 'print a shell completion script for bash, zsh or PowerShell',
    usage: 'bmslicense completion bash|zsh|pwsh',
    async run(args, io) {
      if (args.includes('--help') || args.includes('-h')) throw new HelpRequest({});
      const shell = args[0] as Shell | undefined;
      if (!shell || !SHELLS.includes(shell) || args.length > 1) throw new UsageError(`name one shell: ${SHELLS.join(', ')}`);
      const t = await table(all());
      io.out(shell === 'bash' ? bash(t) : shell === 'zsh' ? zsh(t) : pwsh(t));
      return 0;
    },
  };
}
