import escapeHtml from "escape-html";

/** Markup that is already safe; only templates create it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** Tagged template that escapes every interpolated value unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part instanceof SafeHtml) out += part.value;
      else if (part !== null && part !== undefined && part !== false)
        out += escapeHtml(String(part));
    }
    out += strings[i + 1] ?? "";
  });
  return new SafeHtml(out);
}

/** Escapes user text and keeps its line breaks. */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(escapeHtml(text).replace(/\r?\n/g, "<br>"));
}
