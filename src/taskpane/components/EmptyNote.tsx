/** A quiet line shown where a view has nothing to show yet. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "block", color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalM} 0` },
});

export function EmptyNote({ children, testId }: { children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <Text as="p" className={styles.root} data-testid={testId}>
      {children}
    </Text>
  );
}
