/** Standalone mode: open an .xlsx (button or drag and drop onto the pane) and download the annotated copy. */
import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import { useText } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
  active: { border: `1px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  file: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface StandaloneBarProps {
  fileName: string | null;
  opening: boolean;
  dragActive: boolean;
  canDownload: boolean;
  downloading: boolean;
  onOpen(file: File): void;
  onDownload(): void;
}

export function StandaloneBar({
  fileName,
  opening,
  dragActive,
  canDownload,
  downloading,
  onOpen,
  onDownload,
}: StandaloneBarProps) {
  const styles = useStyles();
  const { t } = useText();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={mergeClasses(styles.root, dragActive && styles.active)} data-testid="standalone-bar">
      <Text size={200} className={styles.muted}>
        {t("standalone.intro")}
      </Text>
      <div className={styles.row}>
        <Button icon={<FolderOpen20Regular />} onClick={() => input.current?.click()} disabled={opening}>
          {t("standalone.open")}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("standalone.openLabel")}
          data-testid="open-workbook"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onOpen(file);
            event.currentTarget.value = "";
          }}
        />
        {canDownload && (
          <Button
            icon={<ArrowDownload20Regular />}
            onClick={onDownload}
            disabled={downloading}
            data-testid="download-annotated"
          >
            {downloading ? t("standalone.downloading") : t("standalone.download")}
          </Button>
        )}
      </div>
      {opening ? (
        <Spinner size="tiny" label={t("standalone.opening")} labelPosition="after" />
      ) : fileName ? (
        <Text size={200} className={styles.file} data-testid="file-name">
          {t("standalone.file", { file: fileName })}
        </Text>
      ) : (
        <Text size={200} className={styles.muted}>
          {dragActive ? t("standalone.dropActive") : t("standalone.drop")}
        </Text>
      )}
    </section>
  );
}
