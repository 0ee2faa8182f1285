// Text out of a PDF letter, with a maintained library (unpdf: Mozilla's PDF.js, serverless build).
import { extractText, getResolvedPDFJS } from 'unpdf';

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // PDF.js itself, not unpdf's getDocumentProxy: that looks up pdfjs-dist's folder (for font data
  // this build does not use) with import.meta.resolve on every call, and under the TypeScript
  // loader each lookup is a round trip to the loader thread that cost more than reading a letter.
  const { getDocument } = await getResolvedPDFJS();
  // PDF.js takes ownership of the buffer it is given: hand it a copy so the original survives.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, verbosity: 0 });
  try {
    const { text } = await extractText(await task.promise, { mergePages: true });
    return text.replace(/\r\n?/g, '\n');
  } finally {
    // a PDF that fails to open is let go as well as one that was read
    await task.destroy();
  }
}
