import { Text } from 'ink';

export interface QuitConfirmProps {
  /** "Quit? Your answer is not checked yet …", already fitted. */
  readonly question: string;
}

export function QuitConfirm({ question }: QuitConfirmProps) {
  return <Text wrap="truncate-end">{question}</Text>;
}
