import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { cn } from "./cn";
import { Field } from "./field";

const classOf = (html: string, tag: string) =>
  new RegExp(`<${tag}[^>]*class="([^"]*)"`).exec(html)?.[1]?.split(" ") ?? [];

describe("cn", () => {
  it("lets a later utility replace a conflicting earlier one and drops falsy parts", () => {
    expect(cn("rounded-md px-4 py-2", false, undefined, "px-2 py-1")).toBe("rounded-md px-2 py-1");
    // The semantic tokens count as colours: text-error replaces a red, and keeps the size.
    expect(cn("text-sm text-red-700", "text-error")).toBe("text-sm text-error");
  });
});

describe("Button and Field take the caller's className over their base", () => {
  it('<Button className="px-2 py-1"> has only the caller\'s padding', () => {
    const classes = classOf(
      renderToStaticMarkup(createElement(Button, { className: "px-2 py-1" }, "Go")),
      "button",
    );
    expect(classes).toEqual(expect.arrayContaining(["px-2", "py-1", "rounded-md"]));
    expect(classes).not.toContain("px-4");
    expect(classes).not.toContain("py-2");
  });

  it("an invalid Field has the error token border and error text", () => {
    const html = renderToStaticMarkup(
      createElement(Field, { label: "Name", name: "name", errors: ["Required"], className: "py-1" }),
    );
    const input = classOf(html, "input");
    expect(input).toEqual(expect.arrayContaining(["border-error", "py-1"]));
    expect(input).not.toContain("py-2");
    expect(classOf(html, "p")).toContain("text-error");
  });
});
