// `npm run size`'s verdict and table (scripts/size/budget.ts): each file against its own
// budgets, shipped and twin, and the total of every file.
import { describe, expect, it } from 'vitest';
import { kb, LAZY_BUDGETS, MAIN_BUDGET, overBudget, sizeTable, type FileSize } from '../../scripts/size/budget.ts';

const KB = 1024;
const size = (file: string, shipped: number, twin: number): FileSize => ({ file, shipped: { bytes: 0, gzip: shipped }, twin: { bytes: 0, gzip: twin } });
const BUDGETS = [MAIN_BUDGET, ...LAZY_BUDGETS];

describe('size budgets', () => {
  it('budget script.js and every lazily loaded file', () => {
    expect(BUDGETS.map((b) => b.file)).toEqual(['script.js', 'admin.js', 'engine.js']);
    expect(MAIN_BUDGET.when).toBe('first paint');
    // Issue 8's numbers for the file every Kommo page loads.
    expect([MAIN_BUDGET.shippedGzip, MAIN_BUDGET.twinGzip]).toEqual([50 * KB, 30 * KB]);
    expect(LAZY_BUDGETS.every((b) => b.when === 'on demand' && b.shippedGzip > b.twinGzip)).toBe(true);
  });

  it('pass at the budget and fail one byte over, per file and per kind', () => {
    const at = BUDGETS.map((b) => size(b.file, b.shippedGzip, b.twinGzip));
    expect(overBudget(at, BUDGETS)).toEqual([]);
    const engine = LAZY_BUDGETS[1]!;
    const over = [
      size('script.js', MAIN_BUDGET.shippedGzip + 1, MAIN_BUDGET.twinGzip),
      size('admin.js', 0, LAZY_BUDGETS[0]!.twinGzip + 1),
      size('engine.js', engine.shippedGzip + 1, engine.twinGzip),
    ];
    expect(overBudget(over, BUDGETS)).toEqual([
      `script.js is ${kb(MAIN_BUDGET.shippedGzip + 1)} gzip shipped, over ${kb(MAIN_BUDGET.shippedGzip)}`,
      `admin.js's minified twin is ${kb(LAZY_BUDGETS[0]!.twinGzip + 1)} gzip, over ${kb(LAZY_BUDGETS[0]!.twinGzip)}`,
      `engine.js is ${kb(engine.shippedGzip + 1)} gzip shipped, over ${kb(engine.shippedGzip)}`,
    ]);
    expect(overBudget([size('script.js', 0, 0)], BUDGETS)).toEqual(['admin.js was not measured', 'engine.js was not measured']);
  });

  it('print each file with its budgets, and the total', () => {
    const lines = sizeTable([size('script.js', 50 * KB, 30 * KB), size('admin.js', 12 * KB, 9 * KB)], BUDGETS);
    const cells = (line = '') => line.split(/\s{2,}/);
    expect(cells(lines[1])).toEqual(['script.js', 'first paint', '50.00 KB', kb(MAIN_BUDGET.shippedGzip), '30.00 KB', kb(MAIN_BUDGET.twinGzip)]);
    expect(cells(lines[2])).toEqual(['admin.js', 'on demand', '12.00 KB', kb(LAZY_BUDGETS[0]!.shippedGzip), '9.00 KB', kb(LAZY_BUDGETS[0]!.twinGzip)]);
    expect(cells(lines[3])).toEqual(['total', '62.00 KB', '39.00 KB']);
  });
});
