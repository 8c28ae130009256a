/**
 * `npx tsx bench/markdown.ts [reports/bench.json]`: the Markdown table of docs/performance.md from a benchmark
 * run already written, so the figures in the docs can be refreshed without measuring again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './environment.js';
import { type BenchReport, markdownReport } from './figures.js';

const file = resolve(process.cwd(), process.argv[2] ?? resolve(ROOT, 'reports/bench.json'));
process.stdout.write(markdownReport(JSON.parse(readFileSync(file, 'utf8')) as BenchReport));
