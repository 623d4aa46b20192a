/** Render a component inside the pane's providers (Fluent theme, language). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Language } from "../../src/core/types";
import { LanguageContext, textFor } from "../../src/taskpane/i18n";

export function renderIn(ui: ReactElement, language: Language = "zh-CN"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={{ language, t: textFor(language) }}>{ui}</LanguageContext.Provider>
    </FluentProvider>,
  );
}
