/** Unit tests: `*.spec.ts` beside the code. */
module.exports = {
  rootDir: 'src',
  testEnvironment: 'node',
  testRegex: '\\.spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type errors are the typecheck script's job; tests transpile file by file for speed.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.spec.json', diagnostics: false }],
  },
  // Tests run against the shared-types sources, so they need no build first.
  moduleNameMapper: { '^@linli/shared-types$': '<rootDir>/../../shared-types/src/index.ts' },
};
