import { describe, expect, it } from "vitest";
import {
  buildRemoteExecutionContext,
  MEMBERS_REMOVED_WHEN_OVERSIZED,
  trimOversizedContext,
  typedValue,
  writeDataContractJson,
} from "../../../../emulators/dataverse/webhooks";
import { parseRemoteExecutionContext, SIZE_EXCEEDED_HEADER } from "../../../../server/intake/dataverse";
import {
  createNotification,
  editedBody,
  endpoint,
  OPPORTUNITY_ID,
  receivedRequest,
  SELLER_ID,
  step,
  updateNotification,
} from "./fixtures";

describe("trimmed bodies (x-ms-dynamics-msg-size-exceeded, dataverse.md §3.3)", () => {
  it("accepts the emulator's trimmed context and flags it, with no columns or images", () => {
    const context = trimOversizedContext(buildRemoteExecutionContext(updateNotification(), step(), endpoint()));
    for (const member of MEMBERS_REMOVED_WHEN_OVERSIZED) expect(context).not.toHaveProperty(member);
    const body = Buffer.from(writeDataContractJson(context), "utf8");
    const change = parseRemoteExecutionContext(body, { "content-type": "application/json" });
    expect(change).toMatchObject({
      messageName: "Update",
      recordId: OPPORTUNITY_ID,
      userId: SELLER_ID,
      trimmed: true,
      changedAttributes: {},
      modified: {},
      preImage: {},
      postImage: {},
    });
  });

  it("accepts an oversized request as the emulator sends it, header included", () => {
    const longText = typedValue.string("x".repeat(4000));
    const request = receivedRequest(createNotification({ target: { description: longText } }), { maxBodyBytes: 2048 });
    expect(request.headers[SIZE_EXCEEDED_HEADER]).toBeDefined();
    const change = parseRemoteExecutionContext(request.body, request.headers);
    expect(change).toMatchObject({ messageName: "Create", trimmed: true, changedAttributes: {} });
  });

  it("is trimmed when the header is present, even if a Target came along", () => {
    const request = receivedRequest(updateNotification());
    const headers = { ...request.headers, [SIZE_EXCEEDED_HEADER]: "" };
    const change = parseRemoteExecutionContext(request.body, headers);
    expect(change.trimmed).toBe(true);
    expect(change.changedAttributes).toHaveProperty("name");
  });

  it.each([
    ["InputParameters is null", (context: Record<string, unknown>) => (context.InputParameters = null)],
    ["InputParameters has no Target", (context: Record<string, unknown>) => (context.InputParameters = [])],
  ])("is trimmed when %s, without the header", (_case, edit) => {
    const request = receivedRequest(updateNotification());
    const change = parseRemoteExecutionContext(editedBody(request, edit), request.headers);
    expect(change.trimmed).toBe(true);
  });

  it("is not trimmed for a full body without the header", () => {
    const request = receivedRequest(updateNotification());
    expect(request.headers).not.toHaveProperty(SIZE_EXCEEDED_HEADER);
    expect(parseRemoteExecutionContext(request.body, request.headers).trimmed).toBe(false);
  });
});
