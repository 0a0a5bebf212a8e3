import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, Field, FileField, SelectField, TextAreaField } from "./field";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("field components", () => {
  it("tie the label, the hint and the field's errors to the control", () => {
    const out = html(
      createElement(Field, { name: "title", label: "Title", hint: "Optional.", errors: ["Names a model."] }),
    );
    expect(out).toContain('<label for="f-title"');
    const input = out.match(/<input[^>]*>/)?.[0] ?? "";
    for (const attr of [
      'id="f-title"',
      'name="title"',
      'aria-invalid="true"',
      'aria-describedby="f-title-error f-title-hint"',
    ])
      expect(input).toContain(attr);
    expect(out).toContain('<p id="f-title-hint"');
    expect(out).toMatch(/<p id="f-title-error" role="alert" class="text-sm text-error">Names a model.<\/p>/);
  });

  it("say nothing invalid when there is no error, and keep a caller's own description", () => {
    const out = html(
      createElement(TextAreaField, { name: "note", label: "Note", "aria-describedby": "elsewhere" }),
    );
    expect(out).not.toContain("aria-invalid");
    expect(out).toContain('aria-describedby="elsewhere"');
    expect(out).toContain("<textarea");
  });

  it("give checkboxes that share a name an id each, and the label beside the box", () => {
    const a = html(createElement(CheckboxField, { name: "flags", value: "dose", label: "Wrong dosage" }));
    const b = html(createElement(CheckboxField, { name: "flags", value: "tone", label: "Tone" }));
    expect(a).toContain('id="f-flags-dose"');
    expect(b).toContain('id="f-flags-tone"');
    expect(a).toMatch(
      /<label for="f-flags-dose"[^>]*><input[^>]*type="checkbox"[^>]*\/>Wrong dosage<\/label>/,
    );
  });

  it("render options or children in a select, a file input, and a label for screen readers only", () => {
    const sel = html(
      createElement(
        SelectField,
        {
          name: "role",
          label: "Role of Ann",
          hideLabel: true,
          options: [{ value: "ADMIN", label: "Admin" }],
        },
        createElement("option", { value: "X" }, "X"),
      ),
    );
    expect(sel).toMatch(/<label for="f-role" class="[^"]*sr-only/);
    expect(sel).toContain('<option value="ADMIN">Admin</option><option value="X">X</option>');
    expect(
      html(createElement(FileField, { name: "file", label: "File", errors: ["Choose a file"] })),
    ).toMatch(/type="file"[^>]*aria-invalid="true"/);
  });
});
