import { describeOperation, formatNumber } from './symbols.js';
import { backwardPass } from './trace.js';
import type { Trace } from './trace.js';

/**
 * A step-by-step account of a traced computation: each forward step with its value, then
 * each backward step with the gradient that arrived and what it sent to each input, then the
 * gradients of the inputs. Meant to be read beside the seed's hand-written passes.
 */
export function explain(t: Trace): string {
  const lines: string[] = ['forward pass:'];
  for (const node of t.nodes) {
    const o = node.origin;
    if (o.kind === 'constant') continue;
    if (o.kind === 'input') {
      lines.push(`  ${node.label} = ${formatNumber(node.value)}`);
      continue;
    }
    lines.push(`  ${node.label} = ${describeOperation(node)} = ${formatNumber(node.value)}`);
  }
  const { gradients, steps } = backwardPass(t);
  lines.push(`backward pass (d${t.output.label}/d${t.output.label} = 1):`);
  for (const step of steps) {
    const parts = step.sent
      .filter((s) => s.to.origin.kind !== 'constant')
      .map((s) => `d${s.to.label} += ${formatNumber(s.gradient)}`);
    if (parts.length === 0) continue;
    lines.push(
      `  ${step.node.label} = ${describeOperation(step.node)}, upstream ${formatNumber(step.upstream)}: ${parts.join(', ')}`,
    );
  }
  lines.push(
    'gradients: ' +
      Object.entries(gradients)
        .map(([name, g]) => `d${t.output.label}/d${name} = ${formatNumber(g)}`)
        .join(', '),
  );
  return lines.join('\n');
}
