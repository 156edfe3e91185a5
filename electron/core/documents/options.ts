import { documentCatalogue } from './catalogue';
import { documentTypeCodes, type DocumentTypeCode, type SheetTypeCode } from './types';

/** Choices of the document settings, free of the database so the contract can share them with the screens. */

export const paperSizes = ['F4', 'A4'] as const;
export type PaperSize = (typeof paperSizes)[number];
export const documentFonts = ['Arial', 'Bookman Old Style', 'Times New Roman', 'Tahoma', 'Calibri'] as const;
export type DocumentFont = (typeof documentFonts)[number];

export type NumberedTypeCode = Exclude<DocumentTypeCode, 'formulir_pengaduan' | 'tanda_terima_pengaduan' | SheetTypeCode>;
export const numberedTypeCodes = documentTypeCodes.filter((c) => documentCatalogue[c].numbered) as NumberedTypeCode[];

/** Fixed margins (Tata Naskah Dinas), in centimetres; the top margin is a setting. */
export const FIXED_MARGINS_CM = { left: 3, right: 2, bottom: 2.5 } as const;
