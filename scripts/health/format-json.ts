// `--json`: the report as data ({"status","findings":[{"code","severity",…}],"checkedAt",…})
// plus where it was checked. Never the key. Shared with the relay (src/health/report-json.ts).
export { formatReportJson as formatJson, type ReportJsonContext as RunContext } from '../../src/health/report-json.ts';
