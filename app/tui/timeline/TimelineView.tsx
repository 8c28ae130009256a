/**
 * The timeline of one scenario: a lane per user (Teams presence, Nimbus status) and per call (task state,
 * service), over virtual time, then one line per call with its services, the first responding service
 * (★, the PSTN license holder), transfers, supervision and outcome. Purely presentational: it draws the
 * {@link TimelineFrame} it is given (see timelineFrame and timelineKey for what fits and how it scrolls).
 */
import { Box, Text } from 'ink';
import { useTint } from '../terminal.js';
import type { TimelineFrame } from './model.js';

export function TimelineView({ frame }: { frame: TimelineFrame }) {
  const tint = useTint();
  const cyan = tint('cyan');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {frame.title}
      </Text>
      <Text dimColor wrap="truncate-end">
        {frame.header === '' ? ' ' : frame.header}
      </Text>
      {frame.rows.map((row, i) => (
        <Text key={i} wrap="truncate-end" {...(row.call && cyan ? { color: cyan } : {})}>
          {row.text === '' ? ' ' : row.text}
        </Text>
      ))}
    </Box>
  );
}
