/**
 * The import direction of ../shared/ARCHITECTURE.md, checked in CI.
 * rules <- symbolic; tensor, numeric stand alone; autograd <- tensor, rules; nn <- autograd;
 * func <- autograd, tensor;
 * graph <- rules and the engines' public entry points; cli/web/bench/test use public entries.
 */
const only = (from, allowed) => ({
  name: `${from}-imports-only-${allowed.join('-') || 'nothing'}`,
  severity: 'error',
  comment: `src/${from} may import only ${allowed.length ? allowed.map((a) => 'src/' + a).join(', ') : 'nothing else in src'}`,
  from: { path: `^src/${from}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${from}/`, ...allowed.map((a) => `^src/${a}/`)],
  },
});

module.exports = {
  forbidden: [
    only('rules', []),
    only('symbolic', ['rules']),
    only('numeric', []),
    only('tensor', ['rules']),
    only('autograd', ['tensor', 'rules', 'numeric']),
    only('nn', ['autograd', 'tensor']),
    only('func', ['autograd', 'tensor']),
    only('graph', ['rules', 'symbolic', 'autograd', 'tensor', 'numeric']),
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-has-no-runtime-dependencies',
      severity: 'error',
      comment: 'The library in src/ runs in browsers and Node with zero dependencies.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
