/** What the pane's bar charts (overdue by unit, assessment ranking) share: plain SVG rows, a name over its bar. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useBarChartStyles = makeStyles({
  title: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px" },
  red: { fill: tokens.colorPaletteRedBackground3 },
  green: { fill: tokens.colorPaletteGreenBackground3 },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "12px", fontWeight: tokens.fontWeightSemibold },
  more: { color: tokens.colorNeutralForeground2 },
});

/** Bar rows: the unit's name on one line, its bar under it, so long Chinese names never get cut. */
export const CHART_WIDTH = 320;
export const LABEL_HEIGHT = 16;
export const BAR_HEIGHT = 12;
export const ROW_GAP = 8;
