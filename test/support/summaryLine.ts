/**
 * A vitest reporter that ends the run with one plain line, `tests: N passed, N failed,
 * N skipped`, the closing line CI reads to know how many tests ran.
 */
import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest/node';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function count(tasks: readonly RunnerTask[], into: Counts): void {
  const stack = [...tasks];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if (task.type === 'suite') {
      stack.push(...task.tasks);
      continue;
    }
    const state = task.result?.state;
    if (task.mode === 'skip' || task.mode === 'todo') into.skipped++;
    else if (state === 'pass') into.passed++;
    else if (state === 'fail') into.failed++;
    else into.skipped++;
  }
}

export default class SummaryLineReporter implements Reporter {
  onFinished(files: readonly RunnerTestFile[] = [], errors: readonly unknown[] = []): void {
    const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
    count(files, counts);
    // An error outside any test (a file that fails to load) is a failure too.
    counts.failed +=
      errors.length +
      files.filter((f) => f.result?.state === 'fail' && f.tasks.length === 0).length;
    process.stdout.write(
      `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
