// Text out of a PDF letter, with a maintained library (unpdf: Mozilla's PDF.js, serverless build).
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy so the original survives.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text.replace(/\r\n?/g, '\n');
  } finally {
    await pdf.cleanup?.();
  }
}
