// Rename of a server, License Server, client or activation id across the site and plan files (LSP
// prepareRename + rename). An id that the site's ledger already names is refused: the License Activation
// Server knows the computer, and the license, by that id, so a rename here would make the ledger, the LAS
// and the plan disagree.
import { fail, ok, type Result } from '../result';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { rangeOf } from './lsp';
import type { Occurrence } from './occurrences';
import type { LiveWorkspace } from './workspace';

const NODE_ID = /^[a-z0-9][a-z0-9-]*$/;
const VENDOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const WHAT: Record<Occurrence['kind'], string> = { site: 'site', server: 'server', licenseServer: 'License Server', client: 'client', activationId: 'activation id' };

export type Prepared = Result<{ range: Range; placeholder: string }>;

/** What would be renamed at `offset`: the id's range, or why it cannot be renamed; undefined off any id. */
export function prepareRename(ws: LiveWorkspace, uri: string, offset: number): Prepared | undefined {
  const here = ws.occurrences.at(uri, offset);
  const lines = ws.lines(uri);
  if (!here || !lines) return undefined;
  const refused = refusal(ws, here);
  if (refused) return fail(refused);
  return ok({ range: rangeOf(lines, inner(ws.text(uri) ?? '', here)), placeholder: here.id });
}

/** Every place the id is defined or named, renamed; or why not. */
export function rename(ws: LiveWorkspace, uri: string, offset: number, newName: string): Result<WorkspaceEdit> | undefined {
  const here = ws.occurrences.at(uri, offset);
  if (!here) return undefined;
  const refused = refusal(ws, here);
  if (refused) return fail(refused);
  const name = newName.trim();
  const pattern = here.kind === 'activationId' ? VENDOR_ID : NODE_ID;
  if (!pattern.test(name)) {
    return fail(here.kind === 'activationId' ? `'${name}' is not an activation id: letters, digits, '.', '_' and '-', as in the entitlement e-mail.` : `'${name}' is not an id: lowercase letters, digits and '-', starting with a letter or digit (e.g. as-01).`);
  }
  if (name === here.id) return ok({ changes: {} });
  const taken = [...ws.occurrences.all()].find((o) => o.definition && o.site === here.site && o.id === name && (here.kind === 'activationId') === (o.kind === 'activationId'));
  if (taken) return fail(`'${name}' is already the id of a ${WHAT[taken.kind]} of site '${here.site}': servers, License Servers and clients share one namespace. Choose another id.`);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of ws.occurrences.of(here)) {
    const lines = ws.lines(o.uri);
    if (!lines) continue;
    (changes[o.uri] ??= []).push({ range: rangeOf(lines, inner(ws.text(o.uri) ?? '', o)), newText: name });
  }
  return ok({ changes });
}

/** Why this id may not be renamed: a site name (files elsewhere name it), or an id the ledger records. */
function refusal(ws: LiveWorkspace, o: Occurrence): string | undefined {
  if (o.kind === 'site') return `A site is renamed by changing metadata.name, metadata.site of its plans and its ledger file together; rename is offered for server, License Server, client and activation ids.`;
  const site = ws.index.site(o.site);
  const ledger = site && ws.session.ledgers.of(site)?.state;
  if (!ledger) return undefined;
  const recorded = [...ledger.licenses.values()].some((l) => (o.kind === 'activationId' ? l.activationId === o.id : l.target === o.id));
  if (!recorded) return undefined;
  return `The ledger of site '${o.site}' records ${o.kind === 'activationId' ? `license ${o.id}` : `licenses on ${WHAT[o.kind]} '${o.id}'`}: the License Activation Server knows it by this id, so renaming it here would make the ledger, the LAS and the plan disagree. Return its licenses first, or keep the id.`;
}

/** The id's own characters: inside the quotes of a quoted scalar. */
function inner(text: string, o: Occurrence): { start: number; end: number } {
  const q = text[o.span.start];
  if ((q === '"' || q === "'") && text[o.span.end - 1] === q && o.span.end - o.span.start >= 2) return { start: o.span.start + 1, end: o.span.end - 1 };
  return o.span;
}
