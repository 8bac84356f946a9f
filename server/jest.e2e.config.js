/** e2e: a real Nest app on a real database (SQLite in memory, or MySQL + Redis from the environment). */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testEnvironment: 'node',
  testRegex: '\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type errors are the typecheck script's job; tests transpile file by file for speed.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
    // ESM-only dependency of @fastify/static (Swagger UI assets); jest cannot require ESM natively.
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: { '^@linli/shared-types$': '<rootDir>/../shared-types/src/index.ts' },
  testTimeout: 30000,
};
