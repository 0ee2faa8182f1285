// An HTML letter → plain text, the same rendering as FHIR narrative.
import { xhtmlToText } from '../normalise/xhtml.ts';

export function htmlToText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return xhtmlToText(body.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ''));
}
