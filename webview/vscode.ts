// The webview side of the host API: messages to the extension and the state VS Code keeps while hidden.
import type { DashboardState, WebviewMessage } from '../src/engine/report/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function loadState(): DashboardState {
  const s = api.getState();
  return typeof s === 'object' && s !== null ? (s as DashboardState) : {};
}

export function saveState(state: DashboardState): void {
  api.setState(state);
}
