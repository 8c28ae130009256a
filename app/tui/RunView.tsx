/**
 * The live run view: a progress line and a table of finished scenarios, with each failure's first
 * expected-vs-actual line under the table. Purely presentational: it renders the view model it is given.
 */
import { Box, Text } from 'ink';
import { formatDuration } from '../../src/domain/duration.js';
import type { ScenarioResult } from '../../sim/result.js';
import { compact, oneLine } from '../../sim/report/text.js';
import { SCENARIO_STATUS } from './run/model.js';

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

export function RunView({ total, done, running }: RunViewModel) {
  const passed = done.filter((r) => r.status === 'passed').length;
  const failed = done.length - passed;
  const nameWidth = Math.min(56, Math.max(8, ...done.map((r) => oneLine(r.name).length)));
  const bad = done.filter((r) => r.status !== 'passed');
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>
          {done.length}/{total}
        </Text>
        <Text> scenarios · </Text>
        <Text color="green">{passed} passed</Text>
        <Text> · </Text>
        <Text color={failed > 0 ? 'red' : undefined}>{failed} failed</Text>
        {running !== undefined && done.length < total ? <Text dimColor> · running {oneLine(running)}</Text> : null}
      </Box>
      {done.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {done.map((r, i) => {
            const status = SCENARIO_STATUS[r.status];
            const assertions = r.assertions.passed + r.assertions.failed;
            return (
              <Box key={`${i}:${r.file}`}>
                <Box width={7} flexShrink={0}>
                  <Text color={status.color}>{status.label}</Text>
                </Box>
                <Box width={nameWidth + 2} paddingRight={2} flexShrink={0}>
                  <Text wrap="truncate-end">{oneLine(r.name)}</Text>
                </Box>
                <Box width={18} flexShrink={0}>
                  <Text>
                    {r.assertions.passed}/{assertions} assertions
                  </Text>
                </Box>
                <Text dimColor>{formatDuration(r.virtualDurationMs)}</Text>
              </Box>
            );
          })}
        </Box>
      ) : null}
      {bad.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          {bad.map((r, i) => (
            <Box key={`${i}:${r.file}`} flexDirection="column">
              <Text color="red">
                ✗ {oneLine(r.name)} <Text dimColor>{r.file}</Text>
              </Text>
              <Box paddingLeft={2}>
                <Text>{firstFailureLine(r)}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
