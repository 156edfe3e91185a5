/**
 * The office's documents: one layout engine (render.ts) reading one description per type
 * (catalogue.ts), filled from the case (context.ts), numbered in the transaction that
 * stores it (numbering.ts, generate.ts), kept with every version in the encrypted register.
 */
export { csvCell, documentsHandlers, registerCsv } from './handlers';
export { documentCatalogue, documentType } from './catalogue';
export { documentTypeCodes, isStoredType, storedTypeCodes, type DocumentTypeCode, type StoredTypeCode } from './types';
export { renderReportDocument, setStrictTemplates, NUMBER_PLACEHOLDER } from './generate';
export type { FigureTable, ReportContent } from './context';
export { readDocumentSettings, DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from './settings';
export { formatLetterNumber, letterPatternProblem } from './letter-number';
export { readZip } from './zip';
export { documentFileName, registerFileName, scanFileName } from './repository';
export { exportDocuments, ExportRefused, type ExportResult } from './export';
