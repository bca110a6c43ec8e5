/**
 * The error the engine throws: a catalogue code, the problem in plain words, and the queue's RetryHint. The message
 * is the problem alone; what to do comes from the catalogue, so that every place shows the same advice.
 */
import type { RetryHint } from "../apiError";
import { whatToDoCatalogue, type WhatToDoCode } from "./catalogue";

export class SyncError extends Error implements RetryHint {
  override readonly name = "SyncError";
  readonly code: WhatToDoCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly httpStatus: number;
  readonly whatToDo: string;

  constructor(
    code: WhatToDoCode,
    problem: string,
    options: { readonly retryAfterMs?: number | null; readonly cause?: unknown } = {},
  ) {
    super(problem, options.cause === undefined ? undefined : { cause: options.cause });
    const entry = whatToDoCatalogue[code];
    this.code = code;
    this.retryable = entry.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.httpStatus = entry.httpStatus;
    this.whatToDo = entry.whatToDo;
  }
}
