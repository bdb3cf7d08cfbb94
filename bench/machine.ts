import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a run happened on, printed above the tables and kept in `--json`. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  ramGB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: timings on a busy machine are slower. */
  load1: number;
  date: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // not Linux: fall back to os.cpus()
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** Describe this machine (CPU count and model, RAM, Node version, date). */
export function machineInfo(now = new Date()): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpuModel(),
    ramGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    load1: Math.round(os.loadavg()[0]! * 100) / 100,
    date: now.toISOString(),
  };
}

/** One line such as `2 × AMD EPYC, 23.5 GB RAM, Node v20.20.2, linux x64, load 0.4, 2026-11-29T09:10:00Z`. */
export function formatMachine(m: MachineInfo): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.ramGB} GB RAM, Node ${m.node}, ${m.platform}, load ${m.load1}, ${m.date}`;
}
