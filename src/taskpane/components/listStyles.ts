/** Styles shared by the item lists of the pane (findings, overdue and due-soon tasks). */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const listStyle: GriffelStyle = {
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXS,
};

/** A list item, also when it is a button (selects its cell in Excel). */
export const itemStyle: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: "2px",
  width: "100%",
  boxSizing: "border-box",
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  backgroundColor: tokens.colorNeutralBackground2,
  borderRadius: tokens.borderRadiusSmall,
  border: "none",
  textAlign: "start",
  font: "inherit",
  color: "inherit",
};

export const clickableStyle: GriffelStyle = {
  "cursor": "pointer",
  ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
  ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
};
