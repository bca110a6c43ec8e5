/**
 * The deploy's secrets, read from the environment variables the profile names (never from the profile itself): the
 * deploy identity's client secret and the service's webhook key, which the Dataverse webhook must carry.
 */
import type { Environment } from "../config";
import { Secret } from "../config/secret";
import { DeployError } from "./deployError";
import type { DeployProfile } from "./profile";

export interface DeployCredentials {
  readonly clientSecret: Secret;
  readonly webhookKey: Secret;
}

/** The service refuses shorter keys (server/config/connectionKeys.ts), so the webhook would never get through. */
const MIN_WEBHOOK_KEY_LENGTH = 32;

/** @throws DeployError secretMissing naming every variable that is unset or unusable. */
export function readCredentials(profile: DeployProfile, env: Environment): DeployCredentials {
  const problems: string[] = [];
  const read = (variable: string, what: string, minLength: number): Secret => {
    const value = env[variable]?.trim() ?? "";
    if (value === "") problems.push(`${variable} is not set: it must hold ${what}.`);
    else if (/\s/.test(value)) problems.push(`${variable} contains spaces or line breaks: it must hold ${what}.`);
    else if (value.length < minLength) problems.push(`${variable} is shorter than ${minLength} characters: ${what}.`);
    return new Secret(value);
  };
  const clientSecret = read(
    profile.dataverse.clientSecretVariable,
    `the client secret of the deploy app (${profile.dataverse.clientId})`,
    1,
  );
  const webhookKey = read(
    profile.service.webhookKeyVariable,
    "the service's DATAVERSE_WEBHOOK_KEY (the same value the service runs with)",
    MIN_WEBHOOK_KEY_LENGTH,
  );
  if (problems.length > 0) {
    throw new DeployError(
      "secretMissing",
      `The profile ${profile.name} names secrets this shell doesn't have:\n${problems.map((line) => `  ${line}`).join("\n")}`,
    );
  }
  return { clientSecret, webhookKey };
}
