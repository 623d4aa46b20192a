/** Types for scripts/bundle-stats-plugin.js (CommonJS, required by webpack.config.js). */
import type { Compiler } from "webpack";

export interface AssetSize {
  name: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export interface BundleStats {
  page: string;
  entries: string[];
  gzipLevel: number;
  initial: { files: string[]; raw: number; gzip: number };
  assets: AssetSize[];
  /** The task pane's chunks (named import() group), loaded right after the initial files. */
  pane?: { files: string[]; raw: number; gzip: number };
}

export declare class BundleStatsPlugin {
  constructor(options?: {
    page?: string;
    entries?: string[];
    paneGroup?: string;
    filename?: string;
    log?: (line: string) => void;
  });
  apply(compiler: Compiler): void;
}
