import { TextDecoder, TextEncoder } from "node:util";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { analyze } from "../../src/core/analyze";
import { NotesView } from "../../src/taskpane/components/NotesView";
import type { Report } from "../../src/core/types";
import type { AnnotatedCopy } from "../../src/taskpane/host";
import * as documents from "../../src/app/documents";
import { UserError } from "../../src/app/errors";
import { CancelledError } from "../../src/worker/protocol";
import { followUpOf, type FollowUpOptions } from "../../src/taskpane/model/followUp";
import * as noteDownloads from "../../src/taskpane/model/noteDownload";
import type { NoteDownload, NoteDownloadOptions, NoteDownloadResult } from "../../src/taskpane/model/noteDownload";
import { grid } from "../core/helpers";
import { readFileBytes } from "../../src/taskpane/readFile";
import { renderIn } from "./render";

// jsdom has no TextEncoder; every browser the pane runs in has (docx writes its XML with it).
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? TextEncoder,
  TextDecoder: globalThis.TextDecoder ?? TextDecoder,
});

// As of 2019-07-10: task 1 overdue (10 days), task 2 due in 3 days, task 3 done, tasks 4 and 5 open.
const plan = analyze(
  [
    grid("工作台账", [
      ["序号", "工作内容", "牵头部门", "配合部门", "时间节点", "推进情况"],
      ["1", "制定全区河长制年度工作要点", "区水务局", "区生态环境分局", "2019年6月30日", "已形成初稿"],
      ["2", "完成区级河道“一河一策”修编", "区生态环境分局", "区水务局、区农业农村局", "2019年7月13日", ""],
      ["3", "开展入河排污口排查", "区农业农村局", "", "2019年5月31日", "已完成"],
      ["4", "建成智慧河长信息平台", "区大数据中心", "区水务局", "2019年12月底前", "正在推进"],
      ["5", "落实河长制工作经费保障", "区财政局", "", "2019年9月底前", "正在推进"],
    ]),
  ],
  { asOf: "2019-07-10" },
);

describe("NotesView", () => {
  it("shows the reminder of the unit picked, lead tasks first, and copies it", async () => {
    const copy = jest.fn(async () => "clipboard" as const);
    renderIn(
      <NotesView
        report={plan}
        settings={{ feedbackDate: "2019-07-20" }}
        canDownload={false}
        saveFile={jest.fn()}
        copy={copy}
      />,
    );
    const picker = screen.getByTestId("notes-unit") as HTMLSelectElement;
    // 区水务局: one overdue (lead) — listed before 区生态环境分局 whose task is only due soon as lead.
    expect([...picker.options].map((o) => o.value)).toEqual(["区水务局", "区生态环境分局", "区农业农村局"]);
    fireEvent.change(picker, { target: { value: "区生态环境分局" } });
    const text = (screen.getByTestId("notes-text") as HTMLTextAreaElement).value;
    expect(text).toContain("区生态环境分局：");
    expect(text.indexOf("第2项")).toBeLessThan(text.indexOf("第1项"));
    expect(text).toContain("办理状态：即将到期（还有3天）");
    expect(text).toContain("请于2019年7月20日前");
    expect(text).not.toContain("建成智慧河长信息平台");
    fireEvent.click(screen.getByTestId("notes-copy"));
    expect(copy).toHaveBeenCalledWith({ text });
    await screen.findByText("已复制督办通知单，可粘贴到公文或消息中。");
    // in Excel without downloads: no download buttons, a hint instead
    expect(screen.queryByTestId("notes-download-unit")).toBeNull();
    expect(screen.getByTestId("notes-no-download")).toBeInTheDocument();
  });

  it("downloads the unit's Word note and the circular where the host allows it", async () => {
    const saved: AnnotatedCopy[] = [];
    renderIn(<NotesView report={plan} settings={{}} canDownload saveFile={(file) => saved.push(file)} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId("notes-download-unit"));
    });
    await waitFor(() => expect(screen.getByTestId("notes-notice")).toBeInTheDocument());
    expect(screen.getByTestId("notes-notice")).toHaveTextContent("已下载：区水务局.docx");
    expect(saved[0].fileName).toBe("区水务局.docx");
    expect(saved[0].data.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(saved[0].data.size).toBeGreaterThan(1000);
    await act(async () => {
      fireEvent.click(screen.getByTestId("notes-download-circular"));
    });
    await waitFor(() => expect(saved.map((f) => f.fileName)).toEqual(["区水务局.docx", "通报.docx"]));
  }, 60_000);

  it("ranks the units in a chart, ties sharing a rank, with the year-end lists", () => {
    renderIn(<NotesView report={plan} settings={{}} canDownload={false} saveFile={jest.fn()} />);
    const bars = within(screen.getByTestId("ranking-chart")).getAllByTestId("ranking-bar");
    // 区农业农村局: lead 3 done on time (100×2) + cooperating 2 open (60×1) = 260/3 = 86.7
    // 区大数据中心: lead 4 open = 60; 区财政局: lead 5 open = 60 (same rank 2; the next is 4); 区水务局: lead 1 overdue 10 days (40 − 5 = 35)×2 + 2 open 60 + 4 open 60 = 190/4 = 47.5
    // 区生态环境分局: lead 2 open 60×2 + cooperating 1 overdue 35 = 155/3 = 51.7
    expect(bars.map((b) => [b.dataset.unit, b.dataset.rank, b.dataset.value])).toEqual([
      ["区农业农村局", "1", "86.7"],
      ["区大数据中心", "2", "60"],
      ["区财政局", "2", "60"],
      ["区生态环境分局", "4", "51.7"],
      ["区水务局", "5", "47.5"],
    ]);
    expect(screen.getByTestId("assessment-on-time")).toHaveTextContent(
      "按时完成全部牵头任务的单位（1个）：区农业农村局。",
    );
    expect(screen.getByTestId("assessment-overdue")).toHaveTextContent("牵头任务逾期未完成的单位（1个）：区水务局。");
  });

  it("writes the assessment sheet into the workbook in Excel", async () => {
    const onWriteSheet = jest.fn(async () => ["考核评分"]);
    renderIn(
      <NotesView report={plan} settings={{}} canDownload={false} saveFile={jest.fn()} onWriteSheet={onWriteSheet} />,
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId("assessment-write-sheet"));
    });
    expect(onWriteSheet).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("assessment-notice")).toHaveTextContent("已写入工作表“考核评分”。");
  });
});

describe("NotesView with the reminders made off the page (standalone: the analysis worker)", () => {
  it("says it is preparing, then shows what the host made, asked with the feedback date and weights", async () => {
    const made = followUpOf(plan, { feedbackDate: "2019-07-20" });
    const followUp = jest.fn(async (_report: Report, _options: FollowUpOptions) => ({
      ...made,
      notes: made.notes.map((note) => ({ ...note, text: `（分析线程）${note.text}` })),
    }));
    renderIn(
      <NotesView
        report={plan}
        settings={{ feedbackDate: "2019-07-20", assessment: { overdue: 30 } }}
        canDownload={false}
        saveFile={jest.fn()}
        followUp={followUp}
      />,
    );
    expect(screen.getByTestId("notes-preparing")).toHaveTextContent("正在生成督办通知单和考核评分…");
    const text = await screen.findByTestId("notes-text");
    expect((text as HTMLTextAreaElement).value).toMatch(/^（分析线程）督办通知单\s+区水务局：/);
    expect(followUp).toHaveBeenCalledTimes(1);
    expect(followUp.mock.calls[0][0]).toBe(plan);
    expect(followUp.mock.calls[0][1]).toEqual({ feedbackDate: "2019-07-20", weights: { overdue: 30 } });
    expect(screen.getByTestId("assessment-overdue")).toHaveTextContent("区水务局");
  });

  it("makes them itself when the host has not got the report (null) or fails", async () => {
    for (const answer of [async () => null, async () => Promise.reject(new Error("worker gone"))]) {
      const { unmount } = renderIn(
        <NotesView report={plan} settings={{}} canDownload={false} saveFile={jest.fn()} followUp={answer} />,
      );
      const picker = (await screen.findByTestId("notes-unit")) as HTMLSelectElement;
      expect([...picker.options].map((o) => o.value)).toEqual(["区水务局", "区生态环境分局", "区农业农村局"]);
      unmount();
    }
  });
});

describe("NotesView Word downloads written off the page (standalone: the analysis worker)", () => {
  const builders = () => [
    jest.spyOn(documents, "unitNoteFile"),
    jest.spyOn(documents, "circularFile"),
    jest.spyOn(documents, "noteFiles"),
    jest.spyOn(noteDownloads, "noteDownloadOf"),
  ];
  afterEach(() => jest.restoreAllMocks());

  // jsdom's Blob has no arrayBuffer(): read as the pane reads files.
  const bytesOf = async (blob: Blob): Promise<number[]> => [...(await readFileBytes(blob))];

  it("only saves the bytes the host wrote: the page never builds a document", async () => {
    const spies = builders();
    const saved: AnnotatedCopy[] = [];
    const noteDownload = jest.fn(
      async (_report: Report, download: NoteDownload, _options: NoteDownloadOptions): Promise<NoteDownloadResult> =>
        download.which === "all"
          ? { zip: new Uint8Array([0x50, 0x4b, 9]), names: ["通报.docx", "区水务局.docx"] }
          : {
              files: [
                {
                  name: download.which === "unit" ? `${download.unit}.docx` : "通报.docx",
                  unit: download.which === "unit" ? download.unit : null,
                  bytes: new Uint8Array([0x50, 0x4b, download.which === "unit" ? 1 : 2]),
                },
              ],
            },
    );
    renderIn(
      <NotesView
        report={plan}
        settings={{ feedbackDate: "2019-07-20" }}
        canDownload
        saveFile={(file) => saved.push(file)}
        followUp={async (report, options) => followUpOf(report, options)}
        noteDownload={noteDownload}
      />,
    );
    fireEvent.click(await screen.findByTestId("notes-download-unit"));
    await waitFor(() => expect(screen.getByTestId("notes-notice")).toHaveTextContent("已下载：区水务局.docx"));
    fireEvent.click(screen.getByTestId("notes-year-end"));
    fireEvent.click(screen.getByTestId("notes-download-circular"));
    await waitFor(() => expect(saved).toHaveLength(2));
    fireEvent.click(screen.getByTestId("notes-download-all"));
    await waitFor(() => expect(screen.getByTestId("notes-notice")).toHaveTextContent("已下载：督办文件.zip"));
    expect(saved.map((file) => [file.fileName, file.data.type])).toEqual([
      ["区水务局.docx", documents.DOCX_TYPE],
      ["通报.docx", documents.DOCX_TYPE],
      ["督办文件.zip", "application/zip"],
    ]);
    expect(await Promise.all(saved.map((file) => bytesOf(file.data)))).toEqual([
      [0x50, 0x4b, 1],
      [0x50, 0x4b, 2],
      [0x50, 0x4b, 9],
    ]);
    // Asked with the report, the download and the options; the year-end circular with the assessment shown.
    expect(noteDownload.mock.calls.map(([report, download]) => [report === plan, download])).toEqual([
      [true, { which: "unit", unit: "区水务局" }],
      [true, { which: "circular" }],
      [true, { which: "all" }],
    ]);
    expect(noteDownload.mock.calls[0][2]).toEqual({ feedbackDate: "2019-07-20", assessment: null });
    expect(noteDownload.mock.calls[1][2].assessment).toEqual(followUpOf(plan, { feedbackDate: null }).assessment);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("writes them here when the host no longer has the report (null)", async () => {
    const [, circular] = builders();
    const saved: AnnotatedCopy[] = [];
    const noteDownload = jest.fn(async () => null);
    renderIn(
      <NotesView
        report={plan}
        settings={{}}
        canDownload
        saveFile={(file) => saved.push(file)}
        followUp={async () => null}
        noteDownload={noteDownload}
      />,
    );
    fireEvent.click(await screen.findByTestId("notes-download-circular"));
    await waitFor(() => expect(screen.getByTestId("notes-notice")).toHaveTextContent("已下载：通报.docx"));
    expect(noteDownload).toHaveBeenCalledTimes(1);
    expect(circular).toHaveBeenCalledTimes(1);
    expect(saved[0].fileName).toBe("通报.docx");
    expect((await bytesOf(saved[0].data)).slice(0, 2)).toEqual([0x50, 0x4b]);
    expect(saved[0].data.size).toBeGreaterThan(1000);
  }, 60_000);

  it("says what failed, and nothing when another file cancelled the download", async () => {
    const saved: AnnotatedCopy[] = [];
    const noteDownload = jest
      .fn()
      .mockRejectedValueOnce(new CancelledError())
      .mockRejectedValueOnce(new UserError("unexpected", { detail: "docx: out of memory" }));
    renderIn(
      <NotesView
        report={plan}
        settings={{}}
        canDownload
        saveFile={(file) => saved.push(file)}
        followUp={async () => null}
        noteDownload={noteDownload}
      />,
    );
    fireEvent.click(await screen.findByTestId("notes-download-all"));
    await act(async () => {
      await Promise.resolve();
    });
    expect(noteDownload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByTestId("notes-download-all")).not.toBeDisabled());
    expect(screen.queryByTestId("notes-notice")).toBeNull();
    fireEvent.click(screen.getByTestId("notes-download-all"));
    await waitFor(() => expect(screen.getByTestId("notes-notice")).toHaveTextContent("docx: out of memory"));
    expect(saved).toEqual([]);
  });

  it("shows a long unit's option in full as its title, the picker kept to the pane's width", async () => {
    const long = analyze(
      [
        grid("工作台账", [
          ["序号", "工作内容", "牵头部门", "时间节点"],
          [
            "1",
            "推进城乡供水一体化",
            "内蒙古自治区鄂尔多斯市伊金霍洛旗住房和城乡建设局城乡供水保障服务中心",
            "2019年6月30日",
          ],
        ]),
      ],
      { asOf: "2019-07-10" },
    );
    renderIn(<NotesView report={long} settings={{}} canDownload={false} saveFile={jest.fn()} />);
    const picker = screen.getByTestId("notes-unit") as HTMLSelectElement;
    const unit = "内蒙古自治区鄂尔多斯市伊金霍洛旗住房和城乡建设局城乡供水保障服务中心";
    expect(picker.title).toContain(unit);
    expect(picker.options[0].title).toBe(picker.options[0].textContent);
    expect(picker.options[0].title).toContain(unit);
  });
});
