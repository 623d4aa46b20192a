// ESLint flat config: typescript-eslint's recommended rules and the React hooks rules. Formatting is
// Prettier's job (.prettierrc.json, `npm run lint` checks both): no stylistic rules here, so they never disagree.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "lib/", "coverage/", "out/", "test/e2e/artifacts/", "bench/tmp/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      // The two classic hooks rules. (The plugin's v7 "recommended" adds React Compiler checks; we do not use
      // the compiler.)
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      // Cell text and terminal output are cleaned of control characters on purpose (\x00-\x1f, ANSI escapes).
      "no-control-regex": "off",
      // `_name` marks a parameter or variable that is deliberately unused.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Node scripts and configs (CommonJS and ES modules).
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        fetch: "readonly",
        AbortController: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
        // Browser code inside scripts (Playwright page.evaluate callbacks run in the page).
        document: "readonly",
        window: "readonly",
        navigator: "readonly",
        location: "readonly",
        localStorage: "readonly",
        getComputedStyle: "readonly",
        Blob: "readonly",
        File: "readonly",
        FileReader: "readonly",
        DataTransfer: "readonly",
        Event: "readonly",
        CustomEvent: "readonly",
        HTMLElement: "readonly",
        HTMLInputElement: "readonly",
        Office: "readonly",
        Excel: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The page's first script runs in IE11 too (it shows the "needs WebView2" message there): ES5, classic.
    files: ["src/startup/**/*.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script" },
    // ES5 has no optional catch binding: `catch (_e)` must name what it ignores.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
);
