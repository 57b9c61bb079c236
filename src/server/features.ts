// The language features, one file each, wired to one connection and one workspace.
import type { Connection } from 'vscode-languageserver/node';
import type { LiveWorkspace } from '../engine/service/workspace';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion } from './completion';
import { registerDefinition } from './definition';
import type { Flush } from './guard';
import { registerHover } from './hover';
import { registerRename } from './rename';
import { registerStructure } from './structure';
import { registerSymbols } from './symbols';

export function registerFeatures(connection: Connection, ws: LiveWorkspace, flush: Flush): void {
  registerCompletion(connection, ws, flush);
  registerHover(connection, ws, flush);
  registerDefinition(connection, ws, flush);
  registerSymbols(connection, ws, flush);
  registerCodeActions(connection, ws, flush);
  registerRename(connection, ws, flush);
  registerStructure(connection, ws, flush);
  registerCodeLens(connection, ws, flush);
}
