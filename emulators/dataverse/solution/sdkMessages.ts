/**
 * Platform SDK messages by id. An exported step names its message only by `SdkMessageId`, and platform messages have
 * the same id in every Dataverse environment. shared/reference/dataverse.md §3.1 looks messages up by name instead; the
 * ids here are the ones public step-registration code hard-codes (several independent sources agree), so the packer
 * writes these and the reader maps them back.
 */

/** Message ids (lowercase, without braces) of the platform messages a step of this project may use. */
export const sdkMessageIds = {
  Assign: "8cbdbb1b-ea3e-db11-86a7-000a3a5473e8",
  Create: "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8",
  Delete: "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8",
  Retrieve: "f2bdbb1b-ea3e-db11-86a7-000a3a5473e8",
  RetrieveMultiple: "03bebb1b-ea3e-db11-86a7-000a3a5473e8",
  SetState: "1cbebb1b-ea3e-db11-86a7-000a3a5473e8",
  SetStateDynamicEntity: "1dbebb1b-ea3e-db11-86a7-000a3a5473e8",
  Update: "20bebb1b-ea3e-db11-86a7-000a3a5473e8",
} as const;

/** The name of a platform message in sdkMessageIds. */
export type SdkMessageName = keyof typeof sdkMessageIds;

/** The name of a platform message id, or undefined for an id not in sdkMessageIds. */
export function sdkMessageNameOf(id: string): SdkMessageName | undefined {
  const entry = Object.entries(sdkMessageIds).find(([, messageId]) => messageId === id);
  return entry?.[0] as SdkMessageName | undefined;
}
