/**
 * ImportSolutionAsync over HTTP: the action answers at once with AsyncOperationId and ImportJobKey; the import then
 * runs as a system job that a caller follows as a deploy does (asyncoperations(<id>) from 0/0 waiting through 2/20
 * in progress to 3/30 succeeded, importjobs(<key>) progress up to 100). A zip the organization refuses ends the job
 * 3/31 Failed with the import's problem in message and friendlymessage, and changes nothing. Malformed parameters
 * are refused at once; the documented parameters the emulator can't honour are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataverseEmulator } from "../../../../emulators/dataverse";
import { clientCredentialsToken, errorOf, objectOf, startTestEmulator } from "./harness";
import { apiOf, coSellSolutions, fixtureZip, followImport, importBody } from "./solutionJobHarness";

let emulator: DataverseEmulator;
let api: ReturnType<typeof apiOf>;

beforeAll(async () => {
  emulator = await startTestEmulator({ coSellSchema: false, seed: { opportunities: 0 }, solutionImportStepMs: 150 });
  api = apiOf(emulator, await clientCredentialsToken(emulator));
});

afterAll(async () => {
  await emulator.close();
});

describe("ImportSolutionAsync", () => {
  it("answers at once, then imports in the background while its system job and import job show the way", async () => {
    const answer = await api("POST", "ImportSolutionAsync", importBody(fixtureZip()));
    expect(answer.status).toBe(200);
    const body = objectOf(answer);
    expect(body["@odata.context"]).toMatch(/\$metadata#Microsoft\.Dynamics\.CRM\.ImportSolutionAsyncResponse$/);
    expect(body.AsyncOperationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.ImportJobKey).toMatch(/^[0-9a-f-]{36}$/);
    // Answered before the import ran (its first step waits 150 ms): the system job is still waiting.
    const waiting = objectOf(await api("GET", `asyncoperations(${String(body.AsyncOperationId)})`));
    expect(waiting).toMatchObject({ statecode: 0, statuscode: 0, completedon: null });

    const followed = await followImport(api, answer);
    expect(followed.states.slice(-2)).toEqual(["2/20", "3/30"]);
    expect(followed.progress.some((percent) => percent > 0 && percent < 100)).toBe(true);
    expect(followed.progress.at(-1)).toBe(100);
    expect(followed.progress).toEqual([...followed.progress].sort((a, b) => a - b));
    expect(followed.job).toMatchObject({ message: null, friendlymessage: null });
    expect(typeof followed.job.completedon).toBe("string");
    expect(followed.importJob).toMatchObject({ solutionname: "CoSellBridge" });
    expect(typeof followed.importJob.completedon).toBe("string");
    expect(followed.importJob.data).toContain('<result result="success"');
    expect(await coSellSolutions(api)).toEqual([
      expect.objectContaining({ uniquename: "CoSellBridge", version: "1.2.0.7", ismanaged: true }),
    ]);
  });

  it("fails its system job (3/31) with the import's problem when the organization refuses the zip, changing nothing", async () => {
    const before = await coSellSolutions(api);
    // The managed 1.2.0.7 is installed: an unmanaged package of the same solution can't update it.
    const answer = await api(
      "POST",
      "ImportSolutionAsync",
      importBody(fixtureZip({ version: "1.3.0.0", managed: false })),
    );
    expect(answer.status).toBe(200);
    const followed = await followImport(api, answer);
    expect(followed.states.at(-1)).toBe("3/31");
    expect(followed.job.message).toContain("The solution 'CoSellBridge' can't be imported into this organization");
    expect(followed.job.message).toContain("installed as managed and this package is unmanaged");
    expect(followed.job.friendlymessage).toBe(followed.job.message);
    expect(typeof followed.job.errorcode).toBe("number");
    expect(followed.progress.at(-1)).toBeLessThan(100);
    expect(followed.importJob.data).toContain('<result result="failure"');
    expect(followed.importJob.data).toContain("installed as managed");
    expect(await coSellSolutions(api)).toEqual(before);
  });

  it("fails its system job when the zip can't be read", async () => {
    const answer = await api("POST", "ImportSolutionAsync", {
      CustomizationFile: Buffer.from("not a zip at all").toString("base64"),
    });
    expect(answer.status).toBe(200);
    const followed = await followImport(api, answer);
    expect(followed.states.at(-1)).toBe("3/31");
    expect(followed.job.message).toMatch(/^The solution can't be imported \(1 problem\):\n1\. \(zip\): /);
  });

  it("uses the ImportJobId the caller gives as the import job's key", async () => {
    const importJobId = "0c1d2e3f-0000-4000-8000-00000000a5c1";
    const answer = await api("POST", "ImportSolutionAsync", importBody(fixtureZip(), { ImportJobId: importJobId }));
    expect(objectOf(answer).ImportJobKey).toBe(importJobId);
    expect((await followImport(api, answer)).states.at(-1)).toBe("3/30");
  });

  it("accepts the parameters it can't honour, and refuses malformed ones at once without starting a job", async () => {
    const accepted = await api(
      "POST",
      "ImportSolutionAsync",
      importBody(fixtureZip(), { ConvertToManaged: true, ComponentParameters: [], SolutionParameters: {} }),
    );
    expect(accepted.status).toBe(200);
    await followImport(api, accepted);

    const jobsBefore = objectOf(await api("GET", "asyncoperations?$select=asyncoperationid")).value;
    const missing = await api("POST", "ImportSolutionAsync", { OverwriteUnmanagedCustomizations: false });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toBe("CustomizationFile is required: the solution zip as a base64 string.");
    const unknown = await api("POST", "ImportSolutionAsync", importBody(fixtureZip(), { Overwrite: true }));
    expect(errorOf(unknown).message).toBe("ImportSolutionAsync has no parameter Overwrite.");
    const notFlag = await api("POST", "ImportSolutionAsync", importBody(fixtureZip(), { HoldingSolution: "yes" }));
    expect(errorOf(notFlag).message).toBe("HoldingSolution must be true or false.");
    expect(objectOf(await api("GET", "asyncoperations?$select=asyncoperationid")).value).toEqual(jobsBefore);
  });
});
