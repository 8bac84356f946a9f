/** Unit tests for the platform-free helpers (no Taro runtime): `*.spec.ts` beside the code. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          jsx: 'react-jsx',
          esModuleInterop: true,
          strict: true,
          target: 'ES2020',
          lib: ['ES2022', 'DOM'],
          types: ['jest', 'node'],
          isolatedModules: true,
        },
      },
    ],
  },
};
