import { describe, expect, it } from "vitest";
import {
  ASYNC_PRIMARY_NAME_IMAGE,
  buildRemoteExecutionContext,
  MEMBERS_REMOVED_WHEN_OVERSIZED,
  trimOversizedContext,
  writeDataContractJson,
  type ChangeNotification,
  type ExecutionContextOptions,
  type StepRegistration,
} from "../../../../emulators/dataverse/webhooks";
import {
  createNotification,
  endpoint,
  entryKeys,
  entryValue,
  OPPORTUNITY_ID,
  parseBody,
  step,
  updateNotification,
} from "./fixtures";

function body(
  notification: ChangeNotification = updateNotification(),
  registered: StepRegistration = step(),
  options: ExecutionContextOptions = {},
): Record<string, unknown> {
  return parseBody(writeDataContractJson(buildRemoteExecutionContext(notification, registered, endpoint(), options)));
}

const withImages = step({
  mode: 0,
  images: [
    { entityalias: "preimage", imagetype: 0, attributes: "estimatedvalue,name" },
    { entityalias: "both", imagetype: 2, attributes: null },
    { entityalias: "postimage", imagetype: 1, attributes: "NAME, statecode" },
  ],
});

describe("RemoteExecutionContext: entity images", () => {
  it("puts each registered image in its list, keyed by entityalias", () => {
    const context = body(updateNotification(), withImages);
    expect(entryKeys(context.PreEntityImages)).toEqual(["preimage", "both"]);
    expect(entryKeys(context.PostEntityImages)).toEqual(["both", "postimage"]);
  });

  it("holds the registered columns (all for null) in row order, as an Entity without a type hint", () => {
    const context = body(updateNotification(), withImages);
    const pre = entryValue(context.PreEntityImages, "preimage") as Record<string, unknown>;
    expect(pre).toEqual({
      Attributes: [
        { key: "name", value: "Contoso" },
        {
          key: "estimatedvalue",
          value: { __type: "Money:http://schemas.microsoft.com/xrm/2011/Contracts", Value: 1500.5 },
        },
      ],
      EntityState: null,
      FormattedValues: [],
      Id: OPPORTUNITY_ID,
      KeyAttributes: [],
      LogicalName: "opportunity",
      RelatedEntities: [],
      RowVersion: null,
    });
    const post = entryValue(context.PostEntityImages, "postimage") as Record<string, unknown>;
    expect(entryKeys(post.Attributes)).toEqual(["name", "statecode"]);
    expect(entryValue(post.Attributes, "name")).toBe("Contoso / 500 seats");
    const all = entryValue(context.PostEntityImages, "both") as Record<string, unknown>;
    expect(entryKeys(all.Attributes)).toEqual([
      "opportunityid",
      "name",
      "estimatedvalue",
      "estimatedclosedate",
      "statecode",
      "parentaccountid",
      "description",
    ]);
  });

  it("has no pre-image for a Create", () => {
    const createStep = { ...withImages, message: "Create" };
    expect(body(createNotification(), createStep).PreEntityImages).toEqual([]);
  });

  it("adds AsynchronousStepPrimaryName (primary name, then id) to an async step without a post-image", () => {
    const images = body(updateNotification(), step({ mode: 1 })).PostEntityImages;
    expect(images).toEqual([
      {
        key: ASYNC_PRIMARY_NAME_IMAGE,
        value: {
          Attributes: [
            { key: "name", value: "Contoso / 500 seats" },
            { key: "opportunityid", value: OPPORTUNITY_ID },
          ],
          EntityState: null,
          FormattedValues: [],
          Id: OPPORTUNITY_ID,
          KeyAttributes: [],
          LogicalName: "opportunity",
          RelatedEntities: [],
          RowVersion: null,
        },
      },
    ]);
  });

  it("adds no AsynchronousStepPrimaryName to sync steps, steps with a post-image, or when switched off", () => {
    expect(body(updateNotification(), step({ mode: 0 })).PostEntityImages).toEqual([]);
    const registeredPost = step({ images: [{ entityalias: "post", imagetype: 1, attributes: "name" }] });
    expect(entryKeys(body(updateNotification(), registeredPost).PostEntityImages)).toEqual(["post"]);
    expect(body(updateNotification(), step(), { asyncPrimaryNameImage: false }).PostEntityImages).toEqual([]);
  });
});

describe("RemoteExecutionContext: ParentContext and switches", () => {
  it("is a minimal Stage 30 context with the caller's columns and SuppressDuplicateDetection", () => {
    const parent = body().ParentContext as Record<string, unknown>;
    expect(Object.keys(parent)).toEqual(Object.keys(body()));
    expect(parent).toMatchObject({
      Stage: 30,
      ParentContext: null,
      PostEntityImages: [],
      PreEntityImages: [],
      OutputParameters: [],
    });
    expect(entryKeys(parent.InputParameters)).toEqual(["Target", "SuppressDuplicateDetection"]);
    expect(entryValue(parent.InputParameters, "SuppressDuplicateDetection")).toBe(false);
    const parentTarget = entryValue(parent.InputParameters, "Target") as Record<string, unknown>;
    expect(entryKeys(parentTarget.Attributes)).toEqual(["name", "opportunityid"]);
  });

  it("sends ParentContext null when switched off", () => {
    expect(body(updateNotification(), step(), { parentContext: false }).ParentContext).toBeNull();
  });

  it("sends the configured shared variables and, optionally, the step name in OwningExtension", () => {
    const registered = step({ name: "pc-sync: Update of opportunity" });
    const context = body(updateNotification(), registered, {
      sharedVariables: [
        { key: "IsAutoTransact", value: true },
        { key: "AcceptLang", value: "" },
      ],
      owningExtensionName: true,
    });
    expect(context.SharedVariables).toEqual([
      { key: "IsAutoTransact", value: true },
      { key: "AcceptLang", value: "" },
    ]);
    expect(context.OwningExtension).toMatchObject({ Name: "pc-sync: Update of opportunity" });
  });

  it("trims an oversized context to the members that survive, in their order", () => {
    const context = buildRemoteExecutionContext(updateNotification(), withImages, endpoint());
    const trimmed = Object.keys(trimOversizedContext(context));
    expect(trimmed).toEqual(
      Object.keys(context).filter((member) => !MEMBERS_REMOVED_WHEN_OVERSIZED.some((r) => r === member)),
    );
    expect(trimmed).not.toContain("InputParameters");
    expect(trimmed).toContain("PrimaryEntityId");
  });
});
