/**
 * Files that leave the register on this PC: temporary copies opened in Word (OpenCopies,
 * wiped when sessions end) and copies saved where the user chooses (createFileActions).
 * Used by the desktop app's main process and the web harness; the bytes are always read
 * through the page's own session, so the core checks access and audits every copy.
 */
export { OpenCopies, safeCopyName } from './open-copies';
export { createFileActions, copyNameFor, fileKinds, fileMessages, type FileActionDeps, type FileActions, type FileKind } from './file-actions';
