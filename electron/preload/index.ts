import { contextBridge, ipcRenderer } from 'electron';
import type { TeduhBridge } from '../core/api/bridge';

/**
 * The whole bridge: one call channel, one event channel, this PC's LAN-client settings, and
 * opening or saving a document's file.
 * Nothing else reaches the page.
 */
const teduh = {
  call: (method, input) => ipcRenderer.invoke('teduh:call', method, input),
  subscribe(listener) {
    const handler = (_e: Electron.IpcRendererEvent, event: Parameters<typeof listener>[0]) => listener(event);
    ipcRenderer.on('teduh:event', handler);
    return () => {
      ipcRenderer.removeListener('teduh:event', handler);
    };
  },
  lanClient: {
    call: (op, args) => ipcRenderer.invoke('teduh:lan-client', op, args),
  },
  files: {
    call: (op, args) => ipcRenderer.invoke('teduh:files', op, args),
  },
} as const satisfies TeduhBridge;

contextBridge.exposeInMainWorld('teduh', teduh);
