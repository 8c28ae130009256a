/** Building blocks of full-terminal pages: a scrolled list of lines with a footer that says where it is. */
import { Box, Text } from 'ink';
import { ColoredLines } from './lines.js';
import { scrollWindow, sliceLabel } from './window.js';

export interface ScrolledLinesProps {
  lines: readonly string[];
  scroll: number;
  /** Rows for the lines; the footer takes one more. */
  height: number;
  /** The keys, after the position (shown only when the lines do not all fit). */
  footer: string;
  colorOf?: (line: string) => string | undefined;
}

/** `height` rows of `lines` from `scroll` (clamped), then the footer, led by the position when they do not all fit. */
export function ScrolledLines({ lines, scroll, height, footer, colorOf = () => undefined }: ScrolledLinesProps) {
  const slice = scrollWindow(lines.length, height, scroll);
  const position = slice.end - slice.start < lines.length ? `${sliceLabel(slice)} · ` : '';
  return (
    <Box flexDirection="column">
      <ColoredLines lines={lines.slice(slice.start, slice.end)} colorOf={colorOf} />
      <Text dimColor wrap="truncate-end">
        {position}
        {footer}
      </Text>
    </Box>
  );
}
