/**
 * An admin's working copy for the deploy tests, in a temporary folder: environments/<name>.json profiles, packages/
 * with the solution zips the real packer builds (any version), and deployments.json next to the profiles' folder,
 * where the profiles' default recordFile points. `deploy` runs the real command in this process, with the secrets in
 * its environment as an admin's shell would have them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../../../server/cli/main";
import type { DeploymentEntry } from "../../../../server/deploy";
import { packedSolution } from "../../../solution/builtSolution";
import { recordingIo } from "../../cli/cliIo";

export interface DeployResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Workspace {
  readonly root: string;
  readonly packages: string;
  readonly environments: string;
  readonly recordFile: string;
  writeProfile(name: string, profile: unknown): void;
  /** Packs the solution at this version (default package.json's) into packages/; returns the version. */
  writePackage(version?: string): string;
  /** The zip of a version as written. */
  zipPath(version: string, kind: "managed" | "unmanaged"): string;
  record(): DeploymentEntry[];
  deploy(args: readonly string[], env: Readonly<Record<string, string>>): Promise<DeployResult>;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), "cosell-deploy-"));
  const packages = join(root, "packages");
  const environments = join(root, "environments");
  mkdirSync(packages);
  mkdirSync(environments);
  const zipPath = (version: string, kind: "managed" | "unmanaged") =>
    join(packages, `CoSellBridge_${version.replaceAll(".", "_")}${kind === "managed" ? "_managed" : ""}.zip`);
  const recordFile = join(root, "deployments.json");
  return {
    root,
    packages,
    environments,
    recordFile,
    writeProfile: (name, profile) => {
      writeFileSync(join(environments, `${name}.json`), JSON.stringify(profile, null, 2));
    },
    writePackage: (version) => {
      const packed = packedSolution(version);
      writeFileSync(zipPath(packed.version, "unmanaged"), packed.unmanaged);
      writeFileSync(zipPath(packed.version, "managed"), packed.managed);
      return packed.version;
    },
    zipPath,
    record: () => (JSON.parse(readFileSync(recordFile, "utf8")) as { deployments: DeploymentEntry[] }).deployments,
    deploy: async (args, env) => {
      const io = recordingIo({ env: { ...env }, cwd: root });
      const exitCode = await runCli(
        ["deploy", "--packages", packages, "--environments", environments, "--poll-interval", "0.05", ...args],
        io,
      );
      return { exitCode, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
    },
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
