/**
 * Excel's refusals as HostErrors the task pane can explain: cell-edit mode, protection, a
 * read-only workbook, a missing requirement set, payload limits. Anything else stays "unknown"
 * with Excel's own message as the detail.
 */
import { HostError, type HostErrorCode } from "./host";

const CODE_MAP: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: "cell-edit-mode",
  AccessDenied: "protected",
  RequestPayloadSizeLimitExceeded: "payload",
  ResponsePayloadSizeLimitExceeded: "payload",
  ApiNotFound: "requirement-set",
};

/** The `code` of an OfficeExtension.Error (or anything shaped like one); null otherwise. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

export function isPayloadError(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Whether Excel refused because the user is editing a cell. Microsoft documents the code
 * `InvalidOperationInCellEditMode`
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling);
 * some hosts give the generic `InvalidOperation` in that situation, with Office's cell-edit
 * message ("Excel is in cell-editing mode…", office.js's L_InvalidOperationInCellEditMode), so an
 * InvalidOperation counts when its message says so. Runs use `delayForCellEdit: true`, so this
 * is a host that did not honour it.
 */
export function isCellEditError(error: unknown): boolean {
  const code = officeErrorCode(error);
  if (code === "InvalidOperationInCellEditMode") return true;
  if (code !== "InvalidOperation") return false;
  const message = error instanceof Error ? error.message : "";
  const debug = (error as { debugInfo?: { message?: unknown } }).debugInfo?.message;
  const text = `${message} ${typeof debug === "string" ? debug : ""}`;
  return /cell[- ]?edit|edit(ing)? mode|单元格编辑|编辑模式/i.test(text);
}

/** Turns whatever Excel threw into a HostError; a HostError passes through unchanged. */
export function toHostError(error: unknown, readOnly = false): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "AccessDenied" && readOnly) return new HostError("read-only", message);
  if (isCellEditError(error)) return new HostError("cell-edit-mode", `${code}: ${message}`);
  const mapped = code ? CODE_MAP[code] : undefined;
  return new HostError(mapped ?? "unknown", code ? `${code}: ${message}` : message);
}
