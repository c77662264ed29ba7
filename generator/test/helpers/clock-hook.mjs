// `node --import` hook for tests: the process's clock stands still at SUOKE_TEST_NOW (an ISO-8601
// instant), so commands that read `new Date()` (change windows, `plan`, `promote`) answer the same
// on every run. Only the clock the CLI entry passes in is affected; dates built from values are not.
const at = process.env.SUOKE_TEST_NOW;
if (at) {
  const fixed = Date.parse(at);
  if (Number.isNaN(fixed)) throw new Error(`SUOKE_TEST_NOW=${at} is not an instant`);
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
}
