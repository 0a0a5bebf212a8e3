// Finds every server action in the sources, statically: each export of a "use server" module, and
// the permission of the authorizedAction (or "public" for publicAction) it calls. The attack suite
// compares this with lib/http/action-registry.ts, so an action nobody registered fails it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(__dirname, "../../..");
const SCANNED = ["app", "lib", "components"];

export type TFoundAction = { file: string; name: string; access: string[] };
export type TScan = { actions: TFoundAction[]; wrappers: { file: string; line: number; reached: boolean }[] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const WRAPPERS = new Set(["authorizedAction", "publicAction"]);

function isWrapperCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && WRAPPERS.has(node.expression.text);
}

/** "users:manage" from `{ permission: P }` with `const P = "users:manage" as const`, or "public". */
function accessOf(call: ts.CallExpression, consts: Map<string, string>): string {
  if ((call.expression as ts.Identifier).text === "publicAction") return "public";
  const opts = call.arguments[0];
  if (!opts || !ts.isObjectLiteralExpression(opts)) return "?";
  for (const p of opts.properties) {
    if (!ts.isPropertyAssignment(p) || p.name.getText() !== "permission") continue;
    let v: ts.Expression = p.initializer;
    while (ts.isAsExpression(v) || ts.isParenthesizedExpression(v)) v = v.expression;
    if (ts.isStringLiteral(v)) return v.text;
    if (ts.isIdentifier(v)) return consts.get(v.text) ?? "?";
  }
  return "?";
}

function scanFile(file: string): { actions: TFoundAction[]; wrappers: TScan["wrappers"] } {
  const text = readFileSync(file, "utf8");
  const rel = path.relative(ROOT, file).split(path.sep).join("/");
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const useServer = sf.statements.some(
    (s) =>
      ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === "use server",
  );
  const consts = new Map<string, string>();
  const wrapperOf = new Map<string, ts.CallExpression>();
  const wrappers: { node: ts.CallExpression; reached: boolean }[] = [];
  const inline: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isAsExpression(init)) init = init.expression;
      if (ts.isStringLiteral(init)) consts.set(node.name.text, init.text);
      if (isWrapperCall(init)) wrapperOf.set(node.name.text, init);
    }
    if (isWrapperCall(node)) wrappers.push({ node, reached: false });
    // An inline action ("use server" inside a function body) is an action too.
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body)) {
      const first = node.body.statements[0];
      if (
        first &&
        ts.isExpressionStatement(first) &&
        ts.isStringLiteral(first.expression) &&
        first.expression.text === "use server"
      ) {
        inline.push(
          node.name && ts.isIdentifier(node.name)
            ? node.name.text
            : `inline@${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const actions: TFoundAction[] = [];
  if (useServer) {
    for (const s of sf.statements) {
      const exported =
        ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      const names: [string, ts.Node][] = [];
      if (ts.isFunctionDeclaration(s) && s.name) names.push([s.name.text, s]);
      if (ts.isVariableStatement(s))
        for (const d of s.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.push([d.name.text, d]);
      for (const [name, body] of names) {
        // The wrappers this export calls, directly or through a module constant.
        const access = new Set<string>();
        const walk = (n: ts.Node) => {
          if (isWrapperCall(n)) access.add(accessOf(n, consts));
          if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && wrapperOf.has(n.expression.text)) {
            const w = wrapperOf.get(n.expression.text) as ts.CallExpression;
            access.add(accessOf(w, consts));
            const entry = wrappers.find((x) => x.node === w);
            if (entry) entry.reached = true;
          }
          ts.forEachChild(n, walk);
        };
        walk(body);
        for (const w of wrappers) if (w.node.pos >= body.pos && w.node.end <= body.end) w.reached = true;
        actions.push({ file: rel, name, access: [...access].sort() });
      }
    }
  }
  for (const name of inline) actions.push({ file: rel, name, access: ['inline "use server"'] });
  return {
    actions,
    wrappers: wrappers.map((w) => ({
      file: rel,
      line: sf.getLineAndCharacterOfPosition(w.node.getStart()).line + 1,
      reached: w.reached,
    })),
  };
}

/** Every server action and every authorizedAction/publicAction of app/, lib/ and components/. */
export function scanServerActions(): TScan {
  const out: TScan = { actions: [], wrappers: [] };
  for (const dir of SCANNED) {
    for (const file of sources(path.join(ROOT, dir))) {
      if (file.endsWith(path.join("lib", "http", "action-client.ts"))) continue;
      // Parsing every file costs seconds; one that never names these cannot hold an action.
      if (!/use server|authorizedAction\(|publicAction\(/.test(readFileSync(file, "utf8"))) continue;
      const r = scanFile(file);
      out.actions.push(...r.actions);
      out.wrappers.push(...r.wrappers);
    }
  }
  return out;
}
