/** Types for scripts/csp.js (CommonJS, required by webpack.config.js and scripts/serve-dist.mjs). */
export declare const OFFICE_JS_ORIGIN: string;
export declare const PAGE_POLICY: string;
export declare const OFFICE_FRAME_ANCESTORS: string[];
export declare function extraFrameAncestors(text: string | undefined): string[];
export declare function headerPolicy(options?: { frameAncestors?: string }): string;
export declare function securityHeaders(options?: { dev?: boolean; frameAncestors?: string }): Record<string, string>;
