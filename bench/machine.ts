/** What the benchmark ran on: CPU model, cores, memory, Node, system, and how busy the machine was. */
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  system: string;
  /** 1-minute load average when the benchmark started and ended (other work on the machine skews timings). */
  loadStart: number;
  loadEnd: number | null;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match) return match[1].trim();
  } catch {
    // Not Linux: fall through to what Node knows.
  }
  return os.cpus()[0]?.model?.trim() || "unknown";
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    system: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart: os.loadavg()[0],
    loadEnd: null,
  };
}

export const currentLoad = (): number => os.loadavg()[0];
