/** Types for scripts/manifest-origin.js (CommonJS, also required by webpack.config.js). */
export declare const DEV_ORIGIN: string;
export declare const DEFAULT_PRODUCTION_ORIGIN: string;
export declare function normalizeOrigin(text: string): string;
export declare function resolveOrigin(sources?: { cliOrigin?: string | boolean; environment?: string }): string;
export declare function rewriteManifestOrigin(xml: string, origin: string): string;
export declare function localhostLines(xml: string): { line: number; text: string }[];
export declare function productionManifest(xml: string, origin: string): string;
export declare const PLACEHOLDER_WARNING: string;
export declare function originForBuild(options?: {
  cliOrigin?: string | boolean;
  environment?: string;
  release?: boolean;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}): string;
