/**
 * Collects the messages the plugin's server code can show an admin, write to a sync log, the audit
 * trail or a lead's push state, or stop Strapi with. The rule (docs/troubleshooting.md must quote each):
 *
 * A message is a string or template literal found in one of these places of server/src/**.ts:
 *  1. an argument of `new X(…)` where X is one of Strapi's `errors.*`, or a class whose name ends in
 *     `Error` (the EasyCars client's, the image fetcher's, the encryption's, plain `Error`), `Abort`
 *     (a run stops: RunAbort) or `Conflict` (a 409: LeadStateConflict);
 *  2. the value of an object property named `message`, `errorMessage`, `pushError`, `reason`, `error`,
 *     `required_error` or `invalid_type_error` (sync-log runs, warnings and item errors, audit entries,
 *     alert rules, connection-test lines, lead push states, removal refusals, zod error maps);
 *  3. the message argument of a zod check (`.min`, `.max`, `.int`, `.positive`, `.regex`, `.refine`,
 *     `.email`, `.url`);
 *  4. the message argument of the plugin's message helpers (MESSAGE_HELPERS below);
 *  5. anywhere in the body of the functions that build messages (MESSAGE_FUNCTIONS below);
 *  6. a literal pushed onto a list named `warnings` (a run's warnings as plain text).
 * A conditional (`a ? 'x' : 'y'`), a fallback (`a ?? 'x'`) or a concatenation (`'x' + y`) yields each
 * side. An identifier is followed to what is declared or assigned to that name in the same file
 * (`const`, `let`, `x = …`), or to an UPPER_CASE constant of any server file.
 *
 * What the guide must contain, per message (its "key"): a string's whole text; a template literal's
 * fixed leading text up to its first `${…}`, or, when that has fewer than four words (it starts with a
 * placeholder, or names only its subject: "EasyCars lead ${n} …"), its longest fixed piece. Keys of
 * fewer than two words (codes such as 'scheme', fragments such as 'HTTP ') are not messages: skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SERVER_SRC = path.join(__dirname, '../../../src/plugins/easycars/server/src');

const MESSAGE_PROPERTIES = new Set(['message', 'errorMessage', 'pushError', 'reason', 'error', 'required_error', 'invalid_type_error']);
const ZOD_CHECKS = new Set(['min', 'max', 'int', 'positive', 'regex', 'refine', 'email', 'url']);
/** Functions of the plugin whose argument at this index is a message for the admin. */
const MESSAGE_HELPERS: Record<string, number> = {
  conflict: 1, // utils/admin-context.ts: a 409 in Strapi's error body
  invalid: 0, // leads/import.ts: a 400 on leadNumber
  add: 1, // client/validation.ts: "<field> <message>", a request refused before it is sent
  refuse: 0, // services/rate-limiter.ts: a 429
  toValidationError: 0, // credentials/validation.ts: a 400 with these issues
  warn: 4, // client/models/coerce.ts: what a coercion warning says was done with a value EasyCars sent
  result: 1, // dashboard/health.ts: a sync state's reason on the dashboard
  consider: 1, // monitoring/dealership-status.ts: a dealership's reason in GET /easycars/health
};
/** Functions (file relative to server/src, then name) that build a message out of pieces. */
const MESSAGE_FUNCTIONS = new Set([
  'connection/failure.ts#describe', // a Test connection line
  'leads/contact-match.ts#needsEmailReason', // a phone-only lead's push error
  'leads/dealership-move.ts#movedLeadRefusal', // a lead moved to another dealership
  'leads/dealership-move.ts#movedAfterSendingReview',
  'leads/refresh-all.ts#notDueReason', // a lead run's note
  'leads/push.ts#notes', // fields EasyCars did not take
  'leads/push.ts#reviewMessage', // a CreateLead that may have reached EasyCars
  'host/setup-check.ts#incompatibility', // EasyCars → Settings, and start-up
  'host/setup-check.ts#blockingSetupMessage',
]);

export interface UserMessage {
  key: string;
  /** The literal as written, `${…}` shown as `…`. */
  text: string;
  file: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(full) : /\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });
}

const words = (s: string) => s.trim().split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;

/** The text a guide must contain for this literal, or null when it is not a message. */
export function keyOf(node: ts.StringLiteralLike | ts.TemplateExpression): string | null {
  let key: string;
  if (ts.isStringLiteralLike(node)) key = node.text.trim();
  else {
    const pieces = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
    const leading = pieces[0]!.trim();
    key = words(leading) >= 4 ? leading : pieces.map((p) => p.trim()).sort((a, b) => b.length - a.length)[0]!;
  }
  return words(key) >= 2 ? key : null;
}

function display(node: ts.StringLiteralLike | ts.TemplateExpression): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join('');
}

const isLiteral = (n: ts.Node): n is ts.StringLiteralLike | ts.TemplateExpression => ts.isStringLiteralLike(n) || ts.isTemplateExpression(n);

/** What each name of a file is declared or assigned as. */
function valuesOf(file: ts.SourceFile): Map<string, ts.Expression[]> {
  const found = new Map<string, ts.Expression[]>();
  const record = (name: string, value: ts.Expression) => found.set(name, [...(found.get(name) ?? []), value]);
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) record(node.name.text, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) record(node.left.text, node.right);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const calleeName = (expr: ts.Expression): string | null =>
  ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : null;

const isErrorClass = (expr: ts.Expression): boolean => {
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'errors') return true;
  const name = calleeName(expr);
  return name !== null && /(Error|Abort|Conflict)$/.test(name);
};

/** The name of a function declaration, or of a const holding an arrow function. */
function functionName(node: ts.Node): string | null {
  if (ts.isFunctionDeclaration(node) && node.name) return node.name.text;
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer)) return node.name.text;
  return null;
}

/** Every string and template literal in a node, not looking into a template's placeholders. */
function literalsIn(node: ts.Node): Array<ts.StringLiteralLike | ts.TemplateExpression> {
  if (isLiteral(node)) return [node];
  const found: Array<ts.StringLiteralLike | ts.TemplateExpression> = [];
  ts.forEachChild(node, (child) => {
    found.push(...literalsIn(child));
  });
  return found;
}

export function collectUserMessages(root = SERVER_SRC): UserMessage[] {
  const files = sourceFiles(root).map((f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true));
  const local = new Map(files.map((f) => [f.fileName, valuesOf(f)]));
  const shared = new Map<string, ts.Expression[]>();
  for (const constants of local.values()) for (const [name, values] of constants) if (/^[A-Z][A-Z0-9_]+$/.test(name)) shared.set(name, [...(shared.get(name) ?? []), ...values]);

  const out: UserMessage[] = [];
  for (const file of files) {
    const add = (expr: ts.Expression | undefined, seen = new Set<string>()): void => {
      if (!expr) return;
      if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return add(expr.expression, seen);
      if (ts.isConditionalExpression(expr)) return (add(expr.whenTrue, seen), add(expr.whenFalse, seen));
      if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(expr.operatorToken.kind)) {
        return (add(expr.left, seen), add(expr.right, seen));
      }
      if (ts.isIdentifier(expr) && !seen.has(expr.text)) {
        seen.add(expr.text);
        for (const value of local.get(file.fileName)!.get(expr.text) ?? shared.get(expr.text) ?? []) add(value, seen);
        return;
      }
      if (!isLiteral(expr)) return;
      const key = keyOf(expr);
      if (key) out.push({ key, text: display(expr), file: path.relative(root, expr.getSourceFile().fileName), line: expr.getSourceFile().getLineAndCharacterOfPosition(expr.getStart()).line + 1 });
    };
    const relative = path.relative(root, file.fileName).split(path.sep).join('/');
    const visit = (node: ts.Node) => {
      const fn = functionName(node);
      if (fn && MESSAGE_FUNCTIONS.has(`${relative}#${fn}`)) literalsIn(node).forEach((l) => add(l));
      if (ts.isNewExpression(node) && isErrorClass(node.expression)) node.arguments?.forEach((a) => add(a));
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && MESSAGE_PROPERTIES.has(node.name.text)) add(node.initializer);
      if (ts.isShorthandPropertyAssignment(node) && MESSAGE_PROPERTIES.has(node.name.text)) add(node.name);
      if (ts.isCallExpression(node)) {
        const name = calleeName(node.expression);
        if (name && ts.isPropertyAccessExpression(node.expression) && ZOD_CHECKS.has(name)) node.arguments.forEach((a) => add(a));
        if (name && name in MESSAGE_HELPERS) add(node.arguments[MESSAGE_HELPERS[name]!]);
        if (name === 'push' && ts.isPropertyAccessExpression(node.expression) && calleeName(node.expression.expression) === 'warnings') node.arguments.forEach((a) => add(a));
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const unique = new Map<string, UserMessage>();
  for (const m of out) if (!unique.has(m.key)) unique.set(m.key, m);
  return [...unique.values()];
}
