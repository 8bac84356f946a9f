import { assertDisposableDatabase, testDatabaseUrl } from './test-database-guard';

describe('e2e database guard', () => {
  it('prefers TEST_DATABASE_URL over DATABASE_URL', () => {
    expect(testDatabaseUrl({ TEST_DATABASE_URL: 'mysql://h/a_e2e', DATABASE_URL: 'mysql://h/linli' })).toBe(
      'mysql://h/a_e2e',
    );
    expect(testDatabaseUrl({ DATABASE_URL: 'mysql://h/b_test' })).toBe('mysql://h/b_test');
    expect(testDatabaseUrl({ TEST_DATABASE_URL: ' ', DATABASE_URL: '' })).toBeUndefined();
  });

  it.each(['mysql://root@127.0.0.1:3306/linli_e2e', 'mysql://u:p@db/orders_test'])(
    'accepts the disposable database %s',
    (url) => expect(() => assertDisposableDatabase(url)).not.toThrow(),
  );

  it.each([
    'mysql://root@127.0.0.1:3306/linli',
    'mysql://root@127.0.0.1:3306/linli_e2e_prod',
    'mysql://root@127.0.0.1:3306/test',
    'mysql://root@127.0.0.1:3306/',
    'not a url',
  ])('refuses %s before anything is dropped', (url) => {
    expect(() => assertDisposableDatabase(url)).toThrow(/_e2e 或 _test|不是合法的 URL/);
  });
});
