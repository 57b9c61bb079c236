// BMS003: anchors, aliases and merge keys are refused, not resolved. A site or plan is a record that
// engineers review line by line and the ledger names node by node: a copied server (`*as01`) or fields
// mixed in from elsewhere (`<<:`) would make the tools see something the reviewer does not read.
import { isAlias, isScalar, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { spanOf } from './nodes';
import { t } from '../l10n';

export const MERGE_KEY = '<<';

/** One BMS003 per alias and per merge key of the document (an anchor alone copies nothing). */
export function yamlFeatureDiagnostics(doc: Document, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Alias(_, node) {
      const at = spanOf(node as unknown as Node);
      if (!at) return;
      out.push(
        diagnostic(
          'BMS003',
          uri,
          at,
          t('The alias *{0} copies the node anchored as &{0}: site and plan files spell out every server, License Server, client, product and assignment, so that a reviewer reads what the tools act on. Write the copy out in full, with its own id.', node.source),
        ),
      );
    },
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== MERGE_KEY || isAlias(pair.key)) return;
      const at = spanOf(pair.key as Node);
      if (!at) return;
      out.push(diagnostic('BMS003', uri, at, t("A merge key (<<) mixes another mapping's fields into this one: site and plan files do not use it, so that what a reviewer reads is what the tools act on. Write the fields out here.")));
    },
  });
  return out;
}
