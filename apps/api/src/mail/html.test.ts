import { describe, expect, it } from "vitest";
import { html, multiline, SafeHtml } from "./html.ts";

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe("html", () => {
  it("escapes every interpolated value", () => {
    const out = html`<p title="${`" onmouseover="alert(1)`}">${XSS} ${"Tom & 'Jerry'"}</p>`.value;
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).not.toContain('" onmouseover');
    expect(out).toBe(
      '<p title="&quot; onmouseover=&quot;alert(1)">' +
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Tom &amp; &#39;Jerry&#39;</p>",
    );
  });

  it("keeps markup made by templates, and escapes each item of a list", () => {
    const item = (name: string) => html`<li>${name}</li>`;
    const out = html`<ul>${["Anne", XSS].map(item)}</ul>`.value;
    expect(out).toBe(
      "<ul><li>Anne</li><li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</li></ul>",
    );
  });

  it("drops null, undefined and false, but keeps 0", () => {
    expect(html`a${null}b${undefined}c${false}d${0}`.value).toBe("abcd0");
  });

  it("never trusts a string that merely looks like markup", () => {
    expect(html`${"<b>bold</b>"}`.value).toBe("&lt;b&gt;bold&lt;/b&gt;");
    expect(html`${new SafeHtml("<b>bold</b>")}`.value).toBe("<b>bold</b>");
  });
});

describe("multiline", () => {
  it("escapes user text and keeps its line breaks", () => {
    expect(multiline(`Bonjour,\r\n<b>à demain</b>\nMarie`).value).toBe(
      "Bonjour,<br>&lt;b&gt;à demain&lt;/b&gt;<br>Marie",
    );
  });
});
