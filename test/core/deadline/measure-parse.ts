/**
 * Not a test: a quick measurement of parseDeadline's cost per cell (numbers vary with the machine).
 *   npx esbuild test/core/deadline/measure-parse.ts --bundle --platform=node --log-level=error | node
 */
import { createCalendar } from "../../../src/core/calendar";
import { looksLikeDeadline, parseDeadline } from "../../../src/core/deadline";
import type { CellValue } from "../../../src/core/types";

const N = 100000;
const common = [
  "2017年12月15日前",
  "2017年7月底前",
  "三季度末",
  "年底前",
  "持续推进",
  "每季度",
  "本通知公布后30个工作日内",
  "7月底前（省直部门）、9月底前（州市）",
  "上半年",
  "2017-12-15",
  "年内持续推进",
  "2017年6月底前启动，12月底前完成",
];
const unique = Array.from({ length: N }, (_, i) => {
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  const forms = [
    `2017年${m}月${d}日前完成（第${i}批）`,
    `${m}月底前报送${i}份`,
    `本通知公布后${i % 90}个工作日内（${i}）`,
    `持续推进第${i}项`,
    `二〇一七年${m}月${d}日 ${i}`,
  ];
  return forms[i % forms.length];
});
const repeated = Array.from({ length: N }, (_, i) => common[i % common.length]);
const serials = Array.from({ length: N }, (_, i) => 42736 + (i % 365));

function measure(label: string, values: readonly CellValue[]): void {
  const ctx = { planYear: 2017, published: "2017-05-10", calendar: createCalendar() };
  const start = performance.now();
  let dated = 0;
  for (const value of values) if (parseDeadline(value, ctx).due !== null) dated++;
  const ms = performance.now() - start;
  console.log(`${label}: ${((ms * 1000) / values.length).toFixed(2)} µs/cell (${ms.toFixed(0)} ms, ${dated} dated)`);
}

for (let round = 1; round <= 3; round++) {
  console.log(`round ${round}`);
  measure("  repeated texts (cache hits)", repeated);
  measure("  unique texts (no cache hit)", unique);
  measure("  date serials", serials);
  const start = performance.now();
  let yes = 0;
  for (const text of unique) if (looksLikeDeadline(text)) yes++;
  console.log(
    `  looksLikeDeadline, unique: ${(((performance.now() - start) * 1000) / N).toFixed(2)} µs/text (${yes} yes)`,
  );
}
