import { html, type SafeHtml } from "./html.ts";

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

/** The shared HTML shell: table layout and inline styles, because mail clients ignore the rest. */
export function layout(opts: {
  lang: string;
  title: string;
  body: SafeHtml;
  footer: string;
}): string {
  return html`<!doctype html>
<html lang="${opts.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${opts.title}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 0">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:12px;padding:32px">
<tr><td style="font-size:20px;font-weight:bold;color:#2563eb;padding-bottom:16px">Portail client ImmoAssist</td></tr>
<tr><td style="font-size:15px;line-height:1.6">${opts.body}</td></tr>
<tr><td style="font-size:12px;color:#6b7280;padding-top:24px;border-top:1px solid #e5e7eb">${opts.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`.value;
}

export function button(href: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">${label}</a></p>`;
}
