/** Two projects: node (core, app, cli, xlsx, excel, manifest) and jsdom (taskpane components). */
const tsJest = [
  "ts-jest",
  {
    // Type-checking is done once by `npm run typecheck` (tsc --noEmit); with isolatedModules ts-jest only transpiles.
    tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
  },
];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  // No test may fail because a busy 2-core machine is slow: speed is measured by `npm run bench`, not by timeouts.
  testTimeout: 180_000,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // src/worker/spawnWorker.ts uses import.meta (webpack's worker syntax), which CommonJS cannot parse: tests get a
  // double that has no Worker, so the analysis client runs its in-thread fallback.
  moduleNameMapper: { "/spawnWorker$": "<rootDir>/test/doubles/spawnWorker.ts" },
};
module.exports = {
  testTimeout: 180_000,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/taskpane/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "jsdom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.ts?(x)"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setup.ts"],
    },
  ],
};
