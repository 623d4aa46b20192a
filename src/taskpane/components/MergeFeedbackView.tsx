/**
 * "Merge feedback": pick the copies the units returned, see what would be written (and the conflicts, which
 * never are), correct a copy's unit, and write only on confirmation.
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { cellAddress } from "../../core/address";
import type { MergeConflict, MergePlan } from "../../core/merge";
import { useText, type PaneTextKey } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  item: { wordBreak: "break-all" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

/** Texts in the preview: one line, at most this many characters. */
const SHOWN_CHARACTERS = 60;
const short = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SHOWN_CHARACTERS ? `${flat.slice(0, SHOWN_CHARACTERS)}……` : flat;
};

export interface MergeFeedbackViewProps {
  /** A workbook is open (and nothing else is running). */
  canMerge: boolean;
  preview(files: File[], units: (string | null)[]): Promise<MergePlan>;
  apply(plan: MergePlan): Promise<number>;
  onError(error: unknown): void;
}

export function MergeFeedbackView({ canMerge, preview, apply, onError }: MergeFeedbackViewProps) {
  const styles = useStyles();
  const { t } = useText();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [busy, setBusy] = useState<"previewing" | "writing" | null>(null);
  const [written, setWritten] = useState<number | null>(null);

  const runPreview = async (chosen: File[], given: string[]): Promise<void> => {
    setBusy("previewing");
    setWritten(null);
    try {
      setPlan(
        await preview(
          chosen,
          given.map((unit) => unit.trim() || null),
        ),
      );
    } catch (error) {
      setPlan(null);
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const choose = (list: FileList | null): void => {
    const chosen = list ? Array.from(list) : [];
    if (chosen.length === 0) return;
    const given = chosen.map(() => "");
    setFiles(chosen);
    setUnits(given);
    void runPreview(chosen, given);
  };

  const cancel = (): void => {
    setFiles([]);
    setUnits([]);
    setPlan(null);
    if (input.current) input.current.value = "";
  };

  const confirm = async (): Promise<void> => {
    if (!plan) return;
    setBusy("writing");
    try {
      const count = await apply(plan);
      setWritten(count);
      setFiles([]);
      setPlan(null);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const conflictText = (conflict: MergeConflict): string =>
    t("merge.conflictLine", {
      what: t(`merge.conflict.${conflict.kind}` as PaneTextKey, {
        cell: `${conflict.column}${conflict.row}`,
        current: short(conflict.current),
      }),
      proposed: conflict.proposed
        .map((p) => t("merge.proposed", { unit: p.unit, text: short(p.text) }))
        .join(t("list.separator")),
    });

  return (
    <section className={styles.root} data-testid="merge" aria-label={t("merge.open")}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t("merge.pick")}
        data-testid="merge-files"
        onChange={(event) => choose(event.currentTarget.files)}
      />
      {!plan && (
        <div className={styles.buttons}>
          <Button
            size="small"
            disabled={!canMerge || busy !== null}
            onClick={() => input.current?.click()}
            data-testid="merge-open"
          >
            {busy === "previewing" ? t("merge.previewing") : t("merge.open")}
          </Button>
        </div>
      )}
      {written !== null && (
        <MessageBar intent="success" data-testid="merge-done">
          <MessageBarBody>{t("merge.done", { count: written })}</MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <>
          <Text size={200}>{t("merge.intro")}</Text>
          {plan.copies.map((copy, index) => (
            <Field
              key={`${copy.file}:${index}`}
              label={t("merge.unitLabel", { file: copy.file })}
              size="small"
              validationState={copy.problem ? "error" : "none"}
              validationMessage={
                copy.problem
                  ? t(`merge.problem.${copy.problem}` as PaneTextKey, { unit: copy.unit ?? "" })
                  : t("merge.copy", { unit: copy.unit ?? "", tasks: copy.tasks }) +
                    (copy.unmatched.length > 0
                      ? t("list.separator") + t("merge.unmatched", { count: copy.unmatched.length })
                      : "")
              }
            >
              <Input
                size="small"
                value={units[index] ?? ""}
                placeholder={copy.unit ?? t("merge.unitPlaceholder")}
                onChange={(_, data) => setUnits((list) => list.map((unit, i) => (i === index ? data.value : unit)))}
                data-testid={`merge-unit-${index}`}
              />
            </Field>
          ))}
          {units.some((unit) => unit.trim() !== "") && (
            <div className={styles.buttons}>
              <Button size="small" onClick={() => void runPreview(files, units)} disabled={busy !== null}>
                {t("merge.repreview")}
              </Button>
            </div>
          )}
          <div data-testid="merge-changes">
            <Text size={200} weight="semibold">
              {plan.changes.length > 0 ? t("merge.changes", { count: plan.changes.length }) : t("merge.noChanges")}
            </Text>
            <ul className={styles.list}>
              {plan.changes.map((change) => (
                <li key={change.row} className={styles.item}>
                  {t("merge.change", {
                    cell: cellAddress(change.row, plan.statusColumn),
                    unit: change.unit,
                    old: short(change.old),
                    new: short(change.new),
                  })}
                </li>
              ))}
            </ul>
          </div>
          {plan.conflicts.length > 0 && (
            <div data-testid="merge-conflicts">
              <Text size={200} weight="semibold">
                {t("merge.conflicts", { count: plan.conflicts.length })}
              </Text>
              <ul className={styles.list}>
                {plan.conflicts.map((conflict) => (
                  <li key={`${conflict.row}:${conflict.kind}`} className={styles.item}>
                    {conflictText(conflict)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              size="small"
              disabled={plan.changes.length === 0 || busy !== null}
              onClick={() => void confirm()}
              data-testid="merge-apply"
            >
              {busy === "writing" ? t("merge.writing") : t("merge.apply", { count: plan.changes.length })}
            </Button>
            <Button size="small" onClick={cancel} disabled={busy !== null} data-testid="merge-cancel">
              {t("merge.cancel")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
