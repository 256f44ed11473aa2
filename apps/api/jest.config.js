/** Unit tests sit beside the code (`*.spec.ts`), and so do medium tests (`*.medium-spec.ts`: services
 * built from their module against a real PostgreSQL, a database per file, no HTTP); end-to-end tests
 * in test/ run the real app against real PostgreSQL and Redis, in a database created for the run. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@mindsp/contracts$': '<rootDir>/../../libs/contracts/src/index.ts' },
};

module.exports = {
  // A global option: jest ignores it inside a project.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // The bench's own arithmetic (percentiles, targets, report) is unit-tested beside it, and so are
      // the layout rules lint checks (tools/boundaries: shared with the web app, tested here).
      roots: ['<rootDir>', '<rootDir>/../../tools/boundaries'],
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
        '<rootDir>/../../tools/boundaries/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'medium',
      testMatch: ['<rootDir>/src/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/medium/global-setup.ts',
      globalTeardown: '<rootDir>/test/medium/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/fresh-redis.ts'],
    },
  ],
};
