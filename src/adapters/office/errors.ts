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

/** Turns whatever Excel threw into a HostError; a HostError passes through unchanged. */
export function toHostError(error: unknown, readOnly = false): HostError {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "AccessDenied" && readOnly) return new HostError("read-only", message);
  const mapped = code ? CODE_MAP[code] : undefined;
  return new HostError(mapped ?? "unknown", code ? `${code}: ${message}` : message);
}
