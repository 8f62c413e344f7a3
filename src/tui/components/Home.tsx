import { Box, Text } from 'ink';
import type { HomeRow } from '../view/home.js';
import type { Bottom } from '../view/screen.js';
import { Footer } from './Footer.js';
import { Lines } from './Lines.js';
import { ProgressBar } from './ProgressBar.js';

export interface HomeProps {
  /** The visible rows: titles, the overall bar, one row per lesson, problem notes. */
  readonly rows: readonly HomeRow[];
  readonly height: number;
  readonly marker: string;
  readonly status: readonly string[];
  readonly bottom: Bottom;
  /** @default false */
  readonly ascii?: boolean;
}

function Row({ row, ascii }: { readonly row: HomeRow; readonly ascii: boolean }) {
  if (row.kind === 'text') return <Lines lines={[row.text]} />;
  return (
    <Box>
      <Text wrap="truncate-end">{row.label}</Text>
      <ProgressBar fraction={row.fraction} width={row.barWidth} ascii={ascii} />
      <Text wrap="truncate-end">{row.count}</Text>
    </Box>
  );
}

/** The course: lessons with their progress, where to continue, and what failed to load. */
export function Home({ rows, height, marker, status, bottom, ascii = false }: HomeProps) {
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" height={height}>
        {rows.map((row, i) => (
          <Row key={i} row={row} ascii={ascii} />
        ))}
      </Box>
      <Lines lines={[marker, ...status]} />
      <Footer bottom={bottom} />
    </Box>
  );
}
