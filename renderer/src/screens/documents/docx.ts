/**
 * Showing and printing a stored Word file inside the app, with docx-preview: no Word needed,
 * nothing written to disk. The bytes live only in the page's memory while shown.
 */

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Renders the document's pages into the container (replacing what was there). */
export async function renderDocx(bytes: Uint8Array, container: HTMLElement, options: { print?: boolean } = {}): Promise<void> {
  const { renderAsync } = await import('docx-preview');
  container.replaceChildren();
  await renderAsync(bytes, container, undefined, {
    className: 'docx',
    inWrapper: !options.print,
    breakPages: true,
    ignoreLastRenderedPageBreak: true,
    // Images as data: URLs, so nothing outlives the preview (no blob URLs to revoke).
    useBase64URL: true,
    renderHeaders: true,
    renderFooters: true,
    renderComments: false,
    renderChanges: false,
  });
}

const PRINT_ROOT_CLASS = 'docx-print-root';
const PRINTING_CLASS = 'printing-docx';

/**
 * Prints a Word file on paper of its own size: its pages are rendered into a sheet beside the
 * app (shown only while printing), the page size comes from the document, and the sheet is
 * removed again once the print dialog closes.
 */
export async function printDocx(bytes: Uint8Array): Promise<void> {
  document.querySelector(`.${PRINT_ROOT_CLASS}`)?.remove();
  const root = document.createElement('div');
  root.className = PRINT_ROOT_CLASS;
  root.setAttribute('aria-hidden', 'true');
  document.body.append(root);
  const pageStyle = document.createElement('style');
  try {
    await renderDocx(bytes, root, { print: true });
    const first = root.querySelector<HTMLElement>('section.docx');
    const width = first?.style.width;
    const height = first?.style.minHeight;
    pageStyle.textContent = width && height ? `@page { size: ${width} ${height}; margin: 0; }` : '@page { margin: 0; }';
    document.head.append(pageStyle);
    document.body.classList.add(PRINTING_CLASS);
    // Blocks until the print dialog closes (desktop); returns at once where printing is unavailable.
    window.print();
  } finally {
    document.body.classList.remove(PRINTING_CLASS);
    pageStyle.remove();
    root.remove();
  }
}
