import { act, fireEvent, screen } from "@testing-library/react";
import { SettingsView } from "../../src/taskpane/components/SettingsView";
import { renderIn } from "./render";

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("SettingsView", () => {
  it("starts from the saved settings", () => {
    renderIn(
      <SettingsView
        settings={{ published: "2017-05-10", dueSoonDays: 10, columns: { lead: "D" } }}
        mode="office"
        onSave={jest.fn()}
      />,
    );
    expect(screen.getByTestId("settings-published")).toHaveValue("2017-05-10");
    expect(screen.getByTestId("settings-due-soon-days")).toHaveValue(10);
    expect(screen.getByTestId("settings-column-lead")).toHaveValue("D");
    expect(screen.getByTestId("settings-language")).toHaveValue("");
  });

  it("saves what was entered, in the workbook in Excel", async () => {
    const save = jest.fn(async () => undefined);
    renderIn(<SettingsView settings={{}} mode="office" onSave={save} />);
    type("settings-published", "2017-05-10");
    type("settings-due-soon-days", "14");
    type("settings-plan-sheet", "附件1");
    type("settings-column-deadline", "f");
    type("settings-feedback-date", "2017-08-25");
    type("settings-weight-lead", "3");
    type("settings-weight-perOverdueDay", "0.2");
    fireEvent.change(screen.getByTestId("settings-language"), { target: { value: "en-US" } });
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(save).toHaveBeenCalledWith({
      published: "2017-05-10",
      dueSoonDays: 14,
      planSheet: "附件1",
      columns: { deadline: "F" },
      language: "en-US",
      feedbackDate: "2017-08-25",
      assessment: { lead: 3, perOverdueDay: 0.2 },
    });
    expect(screen.getByTestId("settings-notice")).toHaveTextContent("设置已保存到工作簿");
  });

  it("says settings stay in the browser when standalone", async () => {
    renderIn(<SettingsView settings={{}} mode="standalone" onSave={jest.fn(async () => undefined)} />, "en-US");
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(screen.getByTestId("settings-notice")).toHaveTextContent(
      "Settings saved in this browser, for this workbook only",
    );
  });

  it("does not save invalid settings and says what to fix", async () => {
    const save = jest.fn(async () => undefined);
    renderIn(<SettingsView settings={{}} mode="office" onSave={save} />, "en-US");
    type("settings-column-lead", "C1");
    type("settings-due-soon-days", "400");
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByText("Enter a column letter (A to XFD).")).toBeInTheDocument();
    expect(screen.getByText("Enter a whole number from 0 to 365.")).toBeInTheDocument();
    expect(screen.getByTestId("settings-notice")).toHaveTextContent("nothing was saved");
  });

  it("shows the workbook's error when saving fails", async () => {
    const { UserError } = await import("../../src/app/errors");
    const save = jest.fn(async () => Promise.reject(new UserError("workbook.read-only")));
    renderIn(<SettingsView settings={{}} mode="office" onSave={save} />);
    await act(async () => fireEvent.click(screen.getByTestId("save-settings")));
    expect(screen.getByTestId("settings-notice")).toHaveTextContent("工作簿为只读");
  });
});
