/**
 * The timeline of one scenario: a lane per user (Teams presence, Nimbus status) and per call (task state,
 * service), over virtual time, then one line per call with its services, the first responding service
 * (★, the PSTN license holder), transfers, supervision and outcome. ←/→ scroll in time; the number of
 * columns follows the terminal width.
 */
import { useRef, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { useColumns, useTint } from '../terminal.js';
import { layoutTimeline, type TimelineModel } from './model.js';

export interface TimelineViewProps {
  title: string;
  model: TimelineModel;
  /** Read ←/→ (false when a parent handles keys or in static renders). */
  keys?: boolean;
  /** Width override (tests); default the terminal width. */
  width?: number;
}

export function TimelineView({ title, model, keys = true, width }: TimelineViewProps) {
  const columns = useColumns();
  const tint = useTint();
  const [offset, setOffsetState] = useState(0);
  const offsetRef = useRef(0);
  const w = Math.max(30, width ?? columns);
  const layout = layoutTimeline(model, w, offset);
  useInput(
    (_input, key) => {
      const step = Math.max(1, layout.to - layout.from - 1);
      let next = offsetRef.current;
      if (key.rightArrow) next = Math.min(Math.max(0, layout.total - 1), next + step);
      else if (key.leftArrow) next = Math.max(0, next - step);
      else return;
      offsetRef.current = next;
      setOffsetState(next);
    },
    { isActive: keys },
  );
  const [header = '', ...lanes] = layout.rows;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        timeline · {title} · columns {layout.total === 0 ? 0 : layout.from + 1}–{layout.to} of {layout.total}
      </Text>
      <Text dimColor>{header}</Text>
      {lanes.map((row, i) => (
        <Text key={i} wrap="truncate-end" {...(model.lanes[i]?.id.startsWith('call:') && tint('cyan') ? { color: 'cyan' } : {})}>
          {row}
        </Text>
      ))}
      {model.lanes.length === 0 ? <Text dimColor>no users or calls</Text> : null}
      <Box flexDirection="column" marginTop={1}>
        {model.callLines.map((l, i) => (
          <Text key={i} wrap="wrap">
            {l}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
