import { describeOperation, formatNumber } from './symbols.js';
import { backwardPass } from './trace.js';
import type { Trace } from './trace.js';
import type { Value } from './value.js';

function nodeText(node: Value, gradient: number | undefined): string {
  const o = node.origin;
  const what =
    o.kind === 'input' || o.kind === 'constant'
      ? node.label
      : `${node.label} = ${describeOperation(node)}`;
  const grad = gradient === undefined ? '' : ` | grad ${formatNumber(gradient)}`;
  return `${what} | value ${formatNumber(node.value)}${grad}`;
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function edges(t: Trace): [Value, Value][] {
  const out: [Value, Value][] = [];
  for (const node of t.nodes) {
    const o = node.origin;
    if (o.kind === 'unary') out.push([o.input, node]);
    if (o.kind === 'binary') out.push([o.left, node], [o.right, node]);
  }
  return out;
}

/**
 * The graph in Graphviz's DOT language, values and gradients on each node; render it with
 * `dot -Tsvg` (layout is Graphviz's job, not mibun's).
 */
export function toDot(t: Trace): string {
  const { adjoint } = backwardPass(t);
  const lines = ['digraph mibun {', '  rankdir=LR;', '  node [shape=record];'];
  for (const node of t.nodes)
    lines.push(`  n${node.id} [label=${quote(nodeText(node, adjoint.get(node)))}];`);
  for (const [from, to] of edges(t)) lines.push(`  n${from.id} -> n${to.id};`);
  lines.push('}');
  return lines.join('\n');
}

/** The graph as a Mermaid flowchart (renders in GitHub Markdown and many docs tools). */
export function toMermaid(t: Trace): string {
  const { adjoint } = backwardPass(t);
  const lines = ['flowchart LR'];
  for (const node of t.nodes) {
    const text = nodeText(node, adjoint.get(node))
      .replace(/"/g, '#quot;')
      .replace(/ \| /g, '<br/>');
    lines.push(`  n${node.id}["${text}"]`);
  }
  for (const [from, to] of edges(t)) lines.push(`  n${from.id} --> n${to.id}`);
  return lines.join('\n');
}
