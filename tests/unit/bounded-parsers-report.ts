// Shared by the bounded-parsers tests.
import { expect } from 'vitest';
import type { ImportReport } from '../../src/import/types';

/** Every text of a report is short: reasons and messages ≤ 300 characters, excerpts ≤ 121. */
export function expectBounded(report: ImportReport): void {
  for (const s of report.skipped) {
    expect(s.reason.length).toBeLessThanOrEqual(300);
    expect(s.excerpt?.length ?? 0).toBeLessThanOrEqual(121);
  }
  for (const w of report.warnings) expect(w.message.length).toBeLessThanOrEqual(300);
  expect(report.fatal?.length ?? 0).toBeLessThanOrEqual(300);
}
