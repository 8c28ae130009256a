#!/usr/bin/env node
// Fails when a function in the product code is longer than the project allows (80 lines): function
// declarations and expressions, arrow functions (React components included), methods, constructors and
// accessors. It parses with the TypeScript compiler API rather than matching lines, so a signature split over
// several lines, a one-line arrow body or an unusual indentation cannot hide a long function.
// Usage: node scripts/check-function-length.mjs [--max=80] [folder ...]   (folders default to src mocks sim app)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const DEFAULT_FOLDERS = ['src', 'mocks', 'sim', 'app'];
// Generated tables (the rule catalogue) are data, not code anyone splits.
const SKIPPED_FILE = /\.data\.ts$|\.d\.ts$/;
const SKIPPED_FOLDER = new Set(['node_modules', 'dist', 'coverage']);

function parseArguments(argv) {
  let max = 80;
  const folders = [];
  for (const arg of argv) {
    if (arg.startsWith('--max=')) max = Number(arg.slice('--max='.length));
    else folders.push(arg);
  }
  if (!Number.isInteger(max) || max < 1) throw new Error(`--max needs a positive whole number of lines, got ${argv.join(' ')}`);
  return { max, folders: folders.length > 0 ? folders : DEFAULT_FOLDERS };
}

function sourceFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDER.has(entry.name) ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !SKIPPED_FILE.test(entry.name) ? [path] : [];
  });
}

function isMeasured(node) {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function nameText(name, file) {
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : name?.getText(file);
}

// The name a reader searches for: the declaration's own name, else what the function is assigned to, else the
// call it is passed to (`describe(...)`, `useEffect(...)`).
function functionName(node, file) {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const own = 'name' in node ? nameText(node.name, file) : undefined;
  if (own) return own;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return nameText(parent.name, file);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(file).slice(0, 40)})`;
  if (ts.isExportAssignment(parent)) return 'default export';
  return '(anonymous)';
}

function longFunctions(path, max) {
  const text = readFileSync(path, 'utf8');
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if (isMeasured(node) && node.body) {
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ lines, at: `${relative(process.cwd(), path)}:${first + 1}`, name: functionName(node, file) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const { max, folders } = parseArguments(process.argv.slice(2));
const files = folders.flatMap(sourceFiles);
const found = files.flatMap((path) => longFunctions(path, max)).sort((a, b) => b.lines - a.lines || a.at.localeCompare(b.at));
for (const f of found) console.log(`${f.lines} ${f.at} ${f.name}`);
if (found.length > 0) {
  console.error(`${found.length} function(s) over ${max} lines in ${folders.join(', ')}: split them into named steps.`);
  process.exit(1);
}
console.log(`no function over ${max} lines in ${files.length} files (${folders.join(', ')})`);
