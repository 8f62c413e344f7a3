/**
 * YAML aliases (`*name`, repeating the value marked `&name`) checked before the document is
 * turned into data. An alias with no anchor, an alias inside the value it repeats, or a file
 * whose aliases repeat values more than MAX_ALIASES times would make `toJS` throw, loop or
 * build a huge structure ("billion laughs": aliases of aliases of aliases). Each is found
 * here on the document's nodes, without expanding anything, so it can be reported with its
 * line and field like any other content problem.
 */
import {
  type Alias,
  type Document,
  type Node,
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  isSeq,
  visit,
} from 'yaml';
import { MAX_ALIASES } from './limits.js';
import type { PathKey } from '../untrusted/zod-issue.js';

export interface NodeProblem {
  /** Where the node starts in the text. */
  offset?: number;
  path: PathKey[];
  message: string;
}

type Ancestors = readonly unknown[];

/** The field a node is at: `exercises[2].given.input`. `path` starts at the document. */
function fieldPath(ancestors: Ancestors, node: unknown): PathKey[] {
  const chain = [...ancestors, node];
  const keys: PathKey[] = [];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (isSeq(parent)) keys.push(parent.items.indexOf(child));
    else if (isPair(parent) && child === parent.value)
      keys.push(isScalar(parent.key) ? (parent.key.value as PathKey) : String(parent.key));
  }
  return keys;
}

/** The first alias (or collection used as a key) that the document must not be built with. */
export function aliasProblem(doc: Document.Parsed): NodeProblem | undefined {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const aliases: Array<{ alias: Alias; ancestors: Ancestors }> = [];
  let found: NodeProblem | undefined;
  const at = (node: Node, ancestors: Ancestors, message: string): NodeProblem => ({
    offset: node.range?.[0],
    path: fieldPath(ancestors, node),
    message,
  });
  // Document order, anchors before what they hold: the order in which `yaml` resolves aliases.
  visit(doc, (_key, node, ancestors) => {
    if (isPair(node) && isCollection(node.key)) {
      found = at(
        node.key,
        ancestors,
        'a key must be a name, not a list or map (`[a, b]: …` or `? …`)',
      );
      return visit.BREAK;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        found = at(
          node,
          ancestors,
          `alias \`*${node.source}\` has no anchor: mark an earlier value \`&${node.source}\`, or write the value out`,
        );
        return visit.BREAK;
      }
      if (ancestors.includes(target)) {
        found = at(
          node,
          ancestors,
          `alias \`*${node.source}\` is inside the value \`&${node.source}\` marks, so that value would contain itself`,
        );
        return visit.BREAK;
      }
      targets.set(node, target);
      aliases.push({ alias: node, ancestors });
    } else if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
    }
    return undefined;
  });
  if (found) return found;

  // Copies made by one alias: itself, plus those of every alias inside what it repeats. Each
  // anchored value is counted once (memo), so a billion-laughs block costs a few steps.
  const inside = new Map<Node, number>();
  const copies = (alias: Alias): number => {
    const target = targets.get(alias)!;
    let n = inside.get(target);
    if (n === undefined) {
      n = 0;
      visit(target, {
        Alias: (_key, inner) => {
          n! += copies(inner);
          // Past the budget the exact number no longer matters.
          return n! > MAX_ALIASES ? visit.BREAK : undefined;
        },
      });
      inside.set(target, n);
    }
    return 1 + n;
  };
  let total = 0;
  for (const { alias, ancestors } of aliases) {
    total += copies(alias);
    if (total > MAX_ALIASES)
      return at(
        alias,
        ancestors,
        `too many aliases: with \`*${alias.source}\` this file repeats values more than ${MAX_ALIASES} times (an alias inside a repeated value counts again for each copy); write the values out`,
      );
  }
  return undefined;
}
