import { describe, expect, it } from "vitest";
import type { ServiceFailure } from "../../../controls/CoSellPanel/data/syncService";
import { describeFailure, serviceNotice } from "../../../controls/CoSellPanel/model/serviceMessages";
import { english, russian } from "../support/strings";

const detail = {
  code: "origin_not_allowed",
  message: "the origin https://evil.example may not call this API",
  whatToDo: "An admin can add the Dynamics organization's origin to CORS_ORIGINS.",
};

describe("what the seller reads when the sync service can't help", () => {
  it("says what is wrong and what to do for every kind of failure", () => {
    const failures: ServiceFailure[] = [
      { kind: "signInFailed" },
      { kind: "unreachable" },
      { kind: "timeout", seconds: 15 },
      { kind: "unauthorized", detail: null },
      { kind: "forbidden", detail: null },
      { kind: "notFound", detail: null },
      { kind: "rateLimited", retryAfterSeconds: null, detail: null },
      { kind: "serverError", httpStatus: 502, detail: null },
      { kind: "refused", httpStatus: 409, detail: null },
      { kind: "badAnswer" },
    ];
    const notices = failures.map((failure) => describeFailure(failure, english));
    for (const notice of notices) {
      expect(notice.text.trim()).not.toBe("");
      expect(notice.whatToDo.trim()).not.toBe("");
    }
    expect(new Set(notices.map((notice) => notice.text)).size).toBe(failures.length);
    expect(notices[2]?.text).toBe("The sync service didn't answer within 15 seconds.");
    expect(notices[7]?.text).toBe("The sync service had a problem (HTTP 502).");
    expect(notices[8]?.text).toBe("The sync service refused: HTTP 409");
  });

  it("adds the service's own explanation when it gave one", () => {
    expect(describeFailure({ kind: "forbidden", detail }, english)).toEqual({
      text: `The sync service refused access. (${detail.message})`,
      whatToDo: detail.whatToDo,
    });
    const refused = describeFailure({ kind: "refused", httpStatus: 422, detail: { ...detail, whatToDo: "" } }, english);
    expect(refused).toEqual({
      text: `The sync service refused: ${detail.message}`,
      whatToDo: english("Service_ServerErrorWhatToDo"),
    });
  });

  it("tells the seller how long to wait when the service is busy", () => {
    expect(describeFailure({ kind: "rateLimited", retryAfterSeconds: 20, detail }, english).whatToDo).toBe(
      "Try again in 20 seconds.",
    );
    expect(describeFailure({ kind: "rateLimited", retryAfterSeconds: 20, detail: null }, russian).whatToDo).toBe(
      "Повторите попытку через 20 с.",
    );
  });

  it("explains a service that isn't set up, and says nothing while it is being asked", () => {
    expect(serviceNotice({ kind: "invalidUrl", url: "http://x" }, english)?.text).toBe(
      "The sync service's address 'http://x' isn't a valid https address.",
    );
    expect(serviceNotice({ kind: "notConfigured" }, english)?.whatToDo).toContain("csb_SyncEndpointUrl");
    for (const kind of ["newRecord", "waitingForSettings", "loading"] as const) {
      expect(serviceNotice({ kind }, english)).toBeNull();
    }
  });
});
