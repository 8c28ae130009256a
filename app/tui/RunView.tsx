/**
 * The live run view: a progress line and a table of finished scenarios, with each failure's first
 * expected-vs-actual line under the table. Purely presentational: it renders the view model it is given, cut
 * to the terminal's size (see {@link runViewLayout}).
 */
import { Box, Text } from 'ink';
import { formatDuration } from '../../src/domain/duration.js';
import type { ScenarioResult } from '../../sim/result.js';
import { compact, oneLine } from '../../sim/report/text.js';
import { SCENARIO_STATUS } from './run/model.js';
import { frameRows, useTerminalSize } from './terminal.js';

export interface RunViewModel {
  /** Scenarios in the run. */
  total: number;
  /** Finished scenarios, in the order they finished. */
  done: ScenarioResult[];
  /** Name of the scenario running now, if any. */
  running?: string;
}


/** The first expected-vs-actual line of a failed scenario, or its harness error. */
export function firstFailureLine(result: ScenarioResult): string {
  const f = result.failures[0];
  if (f !== undefined) {
    return `${oneLine(f.key)} ${oneLine(f.subject)} (line ${f.line}): expected ${compact(f.expected)}, actual ${compact(f.actual)}`;
  }
  if (result.error !== undefined) {
    const line = result.error.line !== undefined ? ` (line ${result.error.line})` : '';
    return `error${line}: ${oneLine(result.error.message)}`;
  }
  return 'failed without a recorded assertion';
}

/**
 * How the static view shares `rows` rows: the progress line, then (after a blank) the newest scenarios of the
 * table and (after another) the failures, two rows each. When not all fit, the failures get up to half the
 * room and one row of each part says how many are left out.
 */
export function runViewLayout(done: number, bad: number, rows: number): { table: number; failures: number } {
  const free = Math.max(0, rows - 1 - (done > 0 ? 1 : 0) - (bad > 0 ? 1 : 0));
  if (done + 2 * bad <= free) return { table: done, failures: bad };
  const failures = Math.min(bad, Math.max(1, Math.floor(free / 4)));
  return { table: Math.max(1, free - 2 * failures - (failures < bad ? 1 : 0)), failures };
}

/** The static view (no keys: stdin is not a terminal): it fits the terminal by showing the newest rows. */
export function RunView({ total, done, running }: RunViewModel) {
  const size = useTerminalSize();
  const passed = done.filter((r) => r.status === 'passed').length;
  const failed = done.length - passed;
  const bad = done.filter((r) => r.status !== 'passed');
  const fit = runViewLayout(done.length, bad.length, frameRows(size));
  const nameWidth = Math.max(8, Math.min(56, size.columns - 40, Math.max(8, ...done.map((r) => oneLine(r.name).length))));
  // The newest rows: the row that says how many are left out takes the place of one more.
  const table = done.length > fit.table ? done.slice(done.length - fit.table + 1) : done;
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text wrap="truncate-end">
        <Text bold>
          {done.length}/{total}
        </Text>
        <Text> scenarios · </Text>
        <Text color="green">{passed} passed</Text>
        <Text> · </Text>
        <Text color={failed > 0 ? 'red' : undefined}>{failed} failed</Text>
        {running !== undefined && done.length < total ? <Text dimColor> · running {oneLine(running)}</Text> : null}
      </Text>
      {done.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {table.length < done.length ? <Text dimColor>… {done.length - table.length} earlier scenario(s) (every one is in the reports)</Text> : null}
          {table.map((r, i) => (
            <ResultRow key={`${i}:${r.file}`} result={r} nameWidth={nameWidth} />
          ))}
        </Box>
      ) : null}
      {bad.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {bad.slice(0, fit.failures).map((r, i) => (
            <Box key={`${i}:${r.file}`} flexDirection="column">
              <Text color="red" wrap="truncate-end">
                ✗ {oneLine(r.name)} <Text dimColor>{r.file}</Text>
              </Text>
              <Text wrap="truncate-end">  {firstFailureLine(r)}</Text>
            </Box>
          ))}
          {fit.failures < bad.length ? <Text color="red">… {bad.length - fit.failures} more failed (listed when the run ends)</Text> : null}
        </Box>
      ) : null}
    </Box>
  );
}

function ResultRow({ result: r, nameWidth }: { result: ScenarioResult; nameWidth: number }) {
  const status = SCENARIO_STATUS[r.status];
  const assertions = r.assertions.passed + r.assertions.failed;
  return (
    <Box>
      <Box width={7} flexShrink={0}>
        <Text color={status.color}>{status.label}</Text>
      </Box>
      <Box width={nameWidth + 2} paddingRight={2} flexShrink={0}>
        <Text wrap="truncate-end">{oneLine(r.name)}</Text>
      </Box>
      <Box width={18} flexShrink={0}>
        <Text wrap="truncate-end">
          {r.assertions.passed}/{assertions} assertions
        </Text>
      </Box>
      <Text dimColor wrap="truncate-end">
        {formatDuration(r.virtualDurationMs)}
      </Text>
    </Box>
  );
}
