/**
 * The demo's four ports, chosen before anything starts: the service's CORS_ORIGINS must name the site's origin and
 * its PUBLIC_URL its own port, and the Dataverse emulator's URL is the audience of every token, so none of them can be
 * learnt after the fact. A default port that is taken is replaced by a free one (and said so); a port the person
 * asked for must be free, or the demo refuses to start and says which variable to change.
 */
import { createServer, type Server } from "node:net";
import { DemoStartError } from "./demoError";

export type DemoPart = "site" | "service" | "partnerCenter" | "dataverse";
export type DemoPorts = Readonly<Record<DemoPart, number>>;

export const DEFAULT_PORTS: DemoPorts = { site: 8080, service: 3000, partnerCenter: 7071, dataverse: 7072 };

/** The environment variable that sets each port. */
export const PORT_VARIABLES: Readonly<Record<DemoPart, string>> = {
  site: "DEMO_PORT",
  service: "DEMO_SERVICE_PORT",
  partnerCenter: "DEMO_PARTNER_CENTER_PORT",
  dataverse: "DEMO_DATAVERSE_PORT",
};

const PART_NAMES: Readonly<Record<DemoPart, string>> = {
  site: "the demo site",
  service: "the sync service",
  partnerCenter: "the Partner Center emulator",
  dataverse: "the Dataverse emulator",
};

const PARTS = Object.keys(DEFAULT_PORTS) as DemoPart[];

/** Ports asked for: a number (0 = any free port), or undefined for the default. */
export type PortRequests = Partial<Record<DemoPart, number>>;

export interface ChosenPorts {
  readonly ports: DemoPorts;
  /** One sentence per default port that was taken, naming the port used instead. */
  readonly notes: readonly string[];
}

/** The ports set in the environment. @throws DemoStartError naming a variable that is not a port number. */
export function portRequestsFromEnvironment(env: NodeJS.ProcessEnv): PortRequests {
  const requests: PortRequests = {};
  for (const part of PARTS) {
    const variable = PORT_VARIABLES[part];
    const text = env[variable]?.trim() ?? "";
    if (text === "") continue;
    const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
    if (!(port >= 0 && port <= 65_535)) {
      throw new DemoStartError(
        `${variable} is '${text}', which is not a port number.`,
        `Set ${variable} to a number from 1 to 65535 (0 picks a free port), or unset it to use ${DEFAULT_PORTS[part]}.`,
      );
    }
    requests[part] = port;
  }
  return requests;
}

/**
 * Reserves every port at once (so two parts never get the same free port), then releases them for the parts to
 * listen on. @throws DemoStartError when a port that was asked for is taken.
 */
export async function choosePorts(
  requests: PortRequests,
  hostname = "127.0.0.1",
  defaults: DemoPorts = DEFAULT_PORTS,
): Promise<ChosenPorts> {
  const held: Server[] = [];
  const notes: string[] = [];
  const ports: Partial<Record<DemoPart, number>> = {};
  try {
    for (const part of PARTS) {
      const asked = requests[part];
      const wanted = asked ?? defaults[part];
      let server = await listenOn(wanted, hostname);
      if (server === null && asked !== undefined) {
        throw new DemoStartError(
          `Port ${wanted} for ${PART_NAMES[part]} is taken by another program.`,
          `Stop the program that uses it, or set ${PORT_VARIABLES[part]} to another port (0 picks a free one).`,
        );
      }
      if (server === null) {
        server = await listenOn(0, hostname);
        if (server === null) throw new DemoStartError("No free port is left on this machine.", "Free some ports.");
        notes.push(
          `Port ${wanted} is taken, so ${PART_NAMES[part]} uses ${portOf(server)} (set ${PORT_VARIABLES[part]} to choose).`,
        );
      }
      held.push(server);
      ports[part] = portOf(server);
    }
  } finally {
    await Promise.all(held.map(closeServer));
  }
  return { ports: ports as DemoPorts, notes };
}

/** A server listening on the port, or null when the port is in use. */
function listenOn(port: number, hostname: string): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(null);
      else reject(error);
    });
    server.listen({ port, host: hostname, exclusive: true }, () => {
      resolve(server);
    });
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("a listening server has no port");
  return address.port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}
