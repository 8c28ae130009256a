/** Lines of plain text coloured by how they start (✓ green, ✗ red, ...), cut to a maximum with a "more" line. */
import { Text } from 'ink';
import { useTint } from './terminal.js';

export interface ColoredLinesProps {
  lines: readonly string[];
  /** The colour of a line, from its text. */
  colorOf: (line: string) => string | undefined;
  /** At most this many lines; the last one then says how many more there are, and `more` where to read them. */
  max?: number;
  more?: string;
}

/** One terminal row per line, cut at the width (never wrapped, so a view knows how many rows it fills). */
export function ColoredLines({ lines, colorOf, max, more = '' }: ColoredLinesProps) {
  const tint = useTint();
  const shown = max !== undefined && lines.length > max ? [...lines.slice(0, Math.max(0, max - 1)), `… ${lines.length - max + 1} more line(s)${more}`] : lines;
  return (
    <>
      {shown.map((l, i) => {
        const color = colorOf(l);
        const tinted = color ? tint(color) : undefined;
        return (
          <Text key={i} wrap="truncate-end" {...(tinted ? { color: tinted } : {})}>
            {l === '' ? ' ' : l}
          </Text>
        );
      })}
    </>
  );
}
