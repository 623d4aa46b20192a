/**
 * A long list shown a page at a time: a plan of 100,000 rows can have tens of thousands of findings or
 * overdue tasks, and rendering them all at once would freeze the pane. The first page shows; "Show more"
 * adds the next.
 */
import { Button, makeStyles } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useText } from "../i18n";

/** Items shown at first and added by each "Show more". */
export const LIST_PAGE = 20;

const useStyles = makeStyles({
  more: { alignSelf: "flex-start" },
});

export interface LimitedListProps<T> {
  /** An array, or positions in one (Int32Array): only the items shown are rendered. */
  items: ArrayLike<T>;
  className: string;
  renderItem(item: T, index: number): ReactNode;
  page?: number;
}

export function LimitedList<T>({ items, className, renderItem, page = LIST_PAGE }: LimitedListProps<T>) {
  const styles = useStyles();
  const { t } = useText();
  const [shown, setShown] = useState(page);
  const rest = items.length - shown;
  const visible: ReactNode[] = [];
  for (let index = 0; index < Math.min(shown, items.length); index++) visible.push(renderItem(items[index], index));
  return (
    <>
      <ul className={className}>{visible}</ul>
      {rest > 0 && (
        <Button
          className={styles.more}
          size="small"
          appearance="subtle"
          onClick={() => setShown((count) => count + page)}
          data-testid="show-more"
        >
          {t("list.more", { count: Math.min(rest, page), total: items.length })}
        </Button>
      )}
    </>
  );
}
