import type { TFunction } from 'i18next';
import type { OfficeView } from '../../../electron/core/api/contract';
import { validators } from './validators';

/** The office profile as a form holds it; the logo is a data: URL (or null) for the preview. */
export interface OfficeFormValues {
  name: string;
  governmentLine: string;
  address: string;
  city: string;
  postcode: string;
  phone: string;
  email: string;
  website: string;
  logo: string | null;
}

export const emptyOffice: OfficeFormValues = {
  name: '',
  governmentLine: '',
  address: '',
  city: '',
  postcode: '',
  phone: '',
  email: '',
  website: '',
  logo: null,
};

export function officeFormValues(office: OfficeView): OfficeFormValues {
  const { version: _version, ...fields } = office;
  return fields;
}

export function officeValidation(t: TFunction) {
  const v = validators(t);
  return { name: v.required, postcode: v.postcode, email: v.email };
}

export type LogoUpload = { mime: 'image/png' | 'image/jpeg'; base64: string };

/** data:image/png;base64,.... -> what the API takes. */
export function logoUpload(dataUrl: string | null): LogoUpload | null {
  if (!dataUrl) return null;
  const match = /^data:(image\/png|image\/jpeg);base64,(.*)$/.exec(dataUrl);
  if (!match) return null;
  return { mime: match[1] as LogoUpload['mime'], base64: match[2]! };
}

/** The office fields as the API takes them (without the logo, which each caller decides on). */
export function officeFields(values: OfficeFormValues) {
  const { logo: _logo, ...fields } = values;
  return fields;
}
