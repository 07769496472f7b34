// pdf.js's worker module ships without types; only its presence matters here (pdfText.mts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
