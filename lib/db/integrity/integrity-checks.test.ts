import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as Enums from "@/lib/generated/prisma/enums";
import { ENUM_COLUMNS, USER_REFERENCES } from "./integrity-checks";

const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
/** The enum type of `table.column` in prisma/schema.prisma. */
function enumOf(table: string, column: string): string | undefined {
  const body = new RegExp(`^model ${table} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1] ?? "";
  return new RegExp(`^\\s+${column}\\s+(\\w+)`, "m").exec(body)?.[1];
}

describe("the repair command's checks agree with the schema", () => {
  it("allows exactly each enum column's values", () => {
    for (const [table, column, allowed] of ENUM_COLUMNS) {
      const name = enumOf(table, column) ?? "";
      const values = (Enums as Record<string, Record<string, string> | undefined>)[name];
      expect(values, `${table}.${column} is an enum`).toBeDefined();
      expect([...allowed].sort(), `${table}.${column}`).toEqual(Object.values(values ?? {}).sort());
    }
  });

  it("checks every user reference the schema declares", () => {
    const declared = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].flatMap(
      ([, model = "", body = ""]) =>
        [...body.matchAll(/^\s+\w+\s+User\??\s+@relation\((?:"\w+",\s*)?fields: \[(\w+)\]/gm)].map(
          (m) => `${model}.${m[1] ?? ""}`,
        ),
    );
    // Sessions, tokens, links and the audit trail had their keys before; their deletes are their own.
    const older = [
      "Session.userId",
      "ApiToken.userId",
      "AccountLink.userId",
      "AccountLink.createdById",
      "AuditLog.actorId",
      // Tables created after the integrity migration, with their key from the first row: nothing
      // to repair, and the repair command runs on databases that predate them.
      "AuditCampaignReviewer.userId",
      "GuidelineVersion.createdById",
      "GuidelineAck.userId",
      "ExportFile.createdById",
      "WebhookEndpoint.createdById",
    ];
    expect(USER_REFERENCES.map(([t, c]) => `${t}.${c}`).sort()).toEqual(
      declared.filter((d) => !older.includes(d)).sort(),
    );
  });
});
