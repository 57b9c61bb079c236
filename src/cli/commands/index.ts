// The sub-commands, in the order `--help` lists them. Each lives in its own file.
import type { CliCommand } from '../io';
import { activateCommand } from './activate';
import { applyCommand } from './apply';
import { completionCommand } from './completion';
import { lasCommand } from './las';
import { licensesLogCommand } from './licensesLog';
import { lmstatCommand } from './lmstat';
import { planCommand } from './plan';
import { importResponsesCommand } from './offline';
import { reclaimCommand } from './reclaim';
import { repairCommand } from './repair';
import { confirmReturnCommand, returnCommand } from './return';
import { recordCommand } from './record';
import { reportCommand } from './report';
import { upgradeReportCommand } from './upgradeReport';
import { validateCommand } from './validate';

export const commands: CliCommand[] = [
  // Checking the site and plan files
  validateCommand,
  // The plan as the desired state
  planCommand,
  applyCommand,
  // License workflows and the LAS
  activateCommand,
  reclaimCommand,
  returnCommand,
  confirmReturnCommand,
  repairCommand,
  importResponsesCommand,
  recordCommand,
  lasCommand,
  // License Server usage
  lmstatCommand,
  licensesLogCommand,
  // The handover
  reportCommand,
  upgradeReportCommand,
  // The shell
  completionCommand(() => commands),
];
