// The Node test environment plus one thing: it tells the test code which test just failed, so the
// failure report (support/failure-report.ts) can photograph the browser at the moment of failure.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__linliFailedTest = undefined;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      const test = event.test ?? event.hook?.parent;
      this.global.__linliFailedTest = test?.name ?? 'hook';
    }
  }
}

module.exports = BrowserTestEnvironment;
