// Every page of the app, from app/**/page.tsx, with a concrete address to request: shared by the
// attack suite (in-process) and e2e/attack-pages.spec.ts (through next start), so a new page is
// covered by both without being listed anywhere.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const APP = path.resolve(__dirname, "../../../app");

export type TPage = {
  /** app/(app)/audits/[id]/page.tsx */
  file: string;
  /** /audits/00000000-…: dynamic segments filled with an id that names nothing. */
  path: string;
  /** The route's dynamic segments with the values used in `path`. */
  params: Record<string, string>;
  /** Pages under app/(auth) are for signed-out visitors; every other page sends them to sign in. */
  public: boolean;
};

export const SAMPLE_SEGMENT = "00000000-0000-4000-8000-0000000000aa";

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" ? [] : pageFiles(full);
    return name === "page.tsx" ? [full] : [];
  });
}

export function appPages(): TPage[] {
  return pageFiles(APP)
    .map((full) => {
      const segments = path.relative(APP, path.dirname(full)).split(path.sep).filter(Boolean);
      const params: Record<string, string> = {};
      const parts = segments
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => {
          const dynamic = /^\[(\w+)\]$/.exec(s);
          if (!dynamic?.[1]) return s;
          params[dynamic[1]] = SAMPLE_SEGMENT;
          return SAMPLE_SEGMENT;
        });
      return {
        file: `app/${segments.join("/")}${segments.length ? "/" : ""}page.tsx`,
        path: `/${parts.join("/")}`,
        params,
        public: segments[0] === "(auth)",
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
