/** Settings: publication date, warning window, plan sheet, column overrides, feedback date, assessment weights, language. */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Save20Regular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { toUserError } from "../../app/errors";
import type { WorkbookSettings } from "../../app/port";
import { DEFAULT_ASSESSMENT_WEIGHTS, type AssessmentWeights } from "../../core/assessment";
import type { Language, Role } from "../../core/types";
import type { HostMode } from "../host";
import { useText, type PaneTextKey } from "../i18n";
import {
  fromForm,
  OVERRIDE_ROLES,
  toForm,
  WEIGHT_KEYS,
  validateForm,
  type SettingsErrors,
  type SettingsForm,
} from "../model/settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  columnInput: { width: "100%", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex" },
});

export interface SettingsViewProps {
  settings: WorkbookSettings;
  mode: HostMode;
  onSave(settings: WorkbookSettings): Promise<void>;
}

type Notice = { intent: "success" | "warning" | "error"; text: string } | null;

export function SettingsView({ settings, mode, onSave }: SettingsViewProps) {
  const styles = useStyles();
  const { t, language } = useText();
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<SettingsForm>): void => {
    setForm((current) => ({ ...current, ...patch }));
    setNotice(null);
  };
  const updateColumn = (role: Role, value: string): void => {
    setForm((current) => ({ ...current, columns: { ...current.columns, [role]: value } }));
    setNotice(null);
  };
  const updateWeight = (key: keyof AssessmentWeights, value: string): void => {
    setForm((current) => ({ ...current, weights: { ...current.weights, [key]: value } }));
    setNotice(null);
  };
  const message = (key: PaneTextKey | undefined) => (key ? t(key) : undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = validateForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice({ intent: "warning", text: t("settings.fixErrors") });
      return;
    }
    setSaving(true);
    try {
      await onSave(fromForm(form));
      setNotice({ intent: "success", text: t(mode === "office" ? "settings.savedWorkbook" : "settings.savedBrowser") });
    } catch (error) {
      setNotice({ intent: "error", text: toUserError(error).messageIn(language) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.root} onSubmit={(event) => void submit(event)} noValidate data-testid="settings-form">
      <Field
        label={t("settings.published")}
        hint={t("settings.publishedHint")}
        validationMessage={message(errors.published)}
      >
        <Input
          type="date"
          value={form.published}
          onChange={(_, data) => update({ published: data.value })}
          data-testid="settings-published"
        />
      </Field>
      <Field
        label={t("settings.dueSoonDays")}
        hint={t("settings.dueSoonDaysHint")}
        validationMessage={message(errors.dueSoonDays)}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          placeholder="7"
          value={form.dueSoonDays}
          onChange={(_, data) => update({ dueSoonDays: data.value })}
          data-testid="settings-due-soon-days"
        />
      </Field>
      <Field label={t("settings.planSheet")} hint={t("settings.planSheetHint")}>
        <Input
          value={form.planSheet}
          onChange={(_, data) => update({ planSheet: data.value })}
          data-testid="settings-plan-sheet"
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("settings.columns")}</legend>
        <Text size={200} className={styles.hint}>
          {t("settings.columnsHint")}
        </Text>
        <div className={styles.columns}>
          {OVERRIDE_ROLES.map((role) => (
            <Field
              key={role}
              label={t(`role.${role}` as const)}
              validationMessage={message(errors[`column.${role}`])}
              size="small"
            >
              <Input
                size="small"
                className={styles.columnInput}
                value={form.columns[role]}
                maxLength={3}
                onChange={(_, data) => updateColumn(role, data.value)}
                data-testid={`settings-column-${role}`}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <Field
        label={t("settings.feedbackDate")}
        hint={t("settings.feedbackDateHint")}
        validationMessage={message(errors.feedbackDate)}
      >
        <Input
          type="date"
          value={form.feedbackDate}
          onChange={(_, data) => update({ feedbackDate: data.value })}
          data-testid="settings-feedback-date"
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("settings.weights")}</legend>
        <Text size={200} className={styles.hint}>
          {t("settings.weightsHint")}
        </Text>
        <div className={styles.columns}>
          {WEIGHT_KEYS.map((key) => (
            <Field
              key={key}
              label={t(`weight.${key}` as const)}
              validationMessage={message(errors[`weight.${key}`])}
              size="small"
            >
              <Input
                size="small"
                type="number"
                inputMode="decimal"
                min={0}
                className={styles.columnInput}
                placeholder={String(DEFAULT_ASSESSMENT_WEIGHTS[key])}
                value={form.weights[key]}
                onChange={(_, data) => updateWeight(key, data.value)}
                data-testid={`settings-weight-${key}`}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <Field label={t("settings.language")}>
        <Select
          value={form.language}
          onChange={(_, data) => update({ language: data.value as "" | Language })}
          data-testid="settings-language"
        >
          <option value="">{t("settings.language.auto")}</option>
          <option value="zh-CN">{t("settings.language.zh")}</option>
          <option value="en-US">{t("settings.language.en")}</option>
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={<Save20Regular />}
          disabled={saving}
          data-testid="save-settings"
        >
          {t("settings.save")}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} data-testid="settings-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
