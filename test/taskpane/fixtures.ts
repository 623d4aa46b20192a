/** Hand-made reports, a fake WorkbookPort and a fake PaneHost for the pane's tests. */
import type { HighlightPlan, ReportSheet, WorkbookGrids, WorkbookPort, WorkbookSettings } from "../../src/app/port";
import type { Finding, Report, Task, UnitTotals } from "../../src/core/types";
import type { AnnotatedCopy, HostMode, PaneHost } from "../../src/taskpane/host";

export function task(row: number, patch: Partial<Task> = {}): Task {
  return {
    row,
    id: String(row - 4),
    section: null,
    text: `任务 ${row}`,
    lead: ["省政府办公厅"],
    responsible: [],
    leaders: [],
    deadline: { text: "2017年12月31日前", kind: "date", due: "2017-12-31" },
    statusText: "",
    status: "open",
    daysOverdue: null,
    ...patch,
  };
}

export function finding(
  rule: Finding["rule"],
  severity: Finding["severity"],
  row: number | null,
  patch: Partial<Finding> = {},
): Finding {
  return {
    rule,
    severity,
    sheet: "分工方案",
    row,
    column: row === null ? null : "C",
    message: `${rule} @ ${row}`,
    suggestion: null,
    params: {},
    ...patch,
  };
}

export function totals(unit: string, patch: Partial<UnitTotals> = {}): UnitTotals {
  return {
    unit,
    lead: 0,
    responsible: 0,
    overdue: 0,
    overdueAsLead: 0,
    dueSoon: 0,
    done: 0,
    completionRate: null,
    ...patch,
  };
}

export function report(patch: Partial<Report> = {}): Report {
  return {
    language: "zh-CN",
    asOf: "2017-08-15",
    table: {
      sheet: "分工方案",
      headerRow: 3,
      headerRows: 1,
      firstDataRow: 4,
      lastDataRow: 16,
      firstColumn: 1,
      lastColumn: 5,
      columns: { id: 1, task: 2, lead: 3, responsible: 4, deadline: 5 },
      planYear: 2017,
    },
    tasks: [],
    findings: [],
    totals: [],
    summary: {
      text: "截至2017年8月15日，共0项任务。",
      html: "<table><tr><td>单位</td></tr></table>",
      tsv: "单位\t牵头",
    },
    ...patch,
  };
}

/** A WorkbookPort that records what was written and serves fixed grids. */
export class FakePort implements WorkbookPort {
  settings: WorkbookSettings = {};
  written: ReportSheet[] = [];
  highlights: HighlightPlan[] = [];
  cleared = 0;
  grids: WorkbookGrids = {
    plan: { sheet: "分工方案", origin: { row: 1, column: 1 }, values: [["序号", "工作任务", "牵头单位"]], merges: [] },
    others: [],
  };
  readGridsCalls: ({ sheet?: string | null } | undefined)[] = [];

  async readGrids(options?: { sheet?: string | null }): Promise<WorkbookGrids> {
    this.readGridsCalls.push(options);
    return this.grids;
  }
  async applyHighlights(plan: HighlightPlan): Promise<void> {
    this.highlights.push(plan);
  }
  async clearHighlights(): Promise<void> {
    this.cleared += 1;
  }
  async writeReportSheet(sheet: ReportSheet): Promise<void> {
    this.written.push(sheet);
  }
  async readSettings(): Promise<WorkbookSettings> {
    return this.settings;
  }
  async writeSettings(settings: WorkbookSettings): Promise<void> {
    this.settings = settings;
  }
}

/** A PaneHost with jest mocks, in either mode. */
export class FakeHost implements PaneHost {
  savedSettings: WorkbookSettings[] = [];
  settings: WorkbookSettings = {};
  changeListeners: ((sheet: string) => void)[] = [];
  fileName: string | null = null;
  selectCell?: jest.Mock<Promise<void>, [string, string]>;
  insertText?: jest.Mock<Promise<boolean>, [string]>;
  onPlanChanged?: (listener: (sheet: string) => void) => () => void;
  openWorkbook?: jest.Mock<Promise<void>, [File]>;
  annotatedCopy?: jest.Mock<Promise<AnnotatedCopy>, [Report, string]>;

  constructor(
    readonly mode: HostMode,
    private currentPort: WorkbookPort | null = new FakePort(),
  ) {
    if (mode === "office") {
      this.selectCell = jest.fn(async (_sheet: string, _address: string) => undefined);
      this.insertText = jest.fn(async (_text: string) => true);
      this.onPlanChanged = (listener) => {
        this.changeListeners.push(listener);
        return () => {
          this.changeListeners = this.changeListeners.filter((candidate) => candidate !== listener);
        };
      };
    } else {
      this.openWorkbook = jest.fn(async (file: File) => {
        this.fileName = file.name;
        this.currentPort = new FakePort();
      });
      this.annotatedCopy = jest.fn(async (_report: Report, fileName: string) => ({
        data: new Blob(["xlsx"]),
        fileName,
      }));
    }
  }

  port(): WorkbookPort | null {
    return this.currentPort;
  }
  workbookName(): string | null {
    return this.fileName;
  }
  async loadSettings(): Promise<WorkbookSettings> {
    return this.settings;
  }
  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.savedSettings.push(settings);
    this.settings = settings;
  }
  /** Simulate an edit of a sheet in Excel. */
  changeSheet(sheet: string): void {
    for (const listener of this.changeListeners) listener(sheet);
  }
}
