/**
 * Change notifications, carrying what a webhook layer needs to pick its steps and build a RemoteExecutionContext
 * (dataverse.md §3.2, §3.3): the message, the changed attributes, the typed Target, full pre- and post-images, the
 * acting user, the correlation id and the depth. Listeners hear about a change only after it commits; guards hear
 * about it before, and can refuse it, as a failing synchronous step aborts the operation (§3.4).
 */
import type { MetadataCatalog } from "./metadata/catalog";
import { typedValue, type AttributeValue, type RecordImage, type StoredValues } from "./records/values";

/** The SDK message names of the changes the organization announces. */
export type ChangeMessage = "Create" | "Update" | "Delete" | "Win" | "Lose";

/** The action parameters of WinOpportunity / LoseOpportunity (§4.2). */
export interface CloseRequest {
  readonly status: number;
  readonly opportunityClose: RecordImage;
}

export interface ChangeEvent {
  readonly message: ChangeMessage;
  /** Logical name of the table, e.g. `opportunity`. */
  readonly table: string;
  readonly id: string;
  /**
   * The attributes the change set: what the caller sent plus what the platform derived from it (fullname, the
   * default statuscode of a new statecode, the currency of a money value). Bookkeeping columns (modifiedon,
   * modifiedby, versionnumber) are in `target` but not here, so filtering attributes compare with what changed.
   */
  readonly changedAttributes: readonly string[];
  /** The InputParameters Target: the changed attributes plus modifiedon/modifiedby, typed. For Delete, the key. */
  readonly target: RecordImage;
  /** The whole row before the change (null for Create); null attributes are left out, as entity images do. */
  readonly preImage: RecordImage | null;
  /** The whole row after the change (null for Delete). */
  readonly postImage: RecordImage | null;
  /** systemuserid of the user the change was made as. */
  readonly actor: string;
  readonly correlationId: string;
  readonly depth: number;
  /** When the change was made, ISO 8601 UTC. */
  readonly at: string;
  /** The row version after the change; for Delete, the version the row had. */
  readonly version: number;
  /** Set for Win and Lose. */
  readonly closeRequest: CloseRequest | null;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** The typed attributes of `values`; nulls are left out unless named in `keepNulls`. */
export function recordImage(
  catalog: MetadataCatalog,
  table: string,
  values: StoredValues,
  keepNulls: readonly string[] = [],
): RecordImage {
  const image: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const column = catalog.column(table, name);
    if (column === undefined || (value === null && !keepNulls.includes(name))) continue;
    image[name] = typedValue(column, value);
  }
  return image;
}

/** Listeners and guards, each called in the order they subscribed. */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();
  private readonly guards = new Set<ChangeListener>();

  constructor(private readonly onListenerError: (error: unknown, event: ChangeEvent) => void) {}

  /** Hears every committed change; returns the function that unsubscribes. */
  subscribe(listener: ChangeListener): () => void {
    return addTo(this.listeners, listener);
  }

  /** Hears every change before it commits; a guard that throws undoes the whole unit of work. */
  guard(guard: ChangeListener): () => void {
    return addTo(this.guards, guard);
  }

  /** Runs the guards over the events, including any that guards' own writes add. */
  check(events: readonly ChangeEvent[]): void {
    // An array iterator reads the length at every step, so events appended by a guard's own writes are visited.
    for (const event of events) for (const guard of [...this.guards]) guard(event);
  }

  /** Tells the listeners; one that throws neither stops the others nor undoes the committed change. */
  publish(events: readonly ChangeEvent[]): void {
    for (const event of events) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (error) {
          this.onListenerError(error, event);
        }
      }
    }
  }
}

function addTo(set: Set<ChangeListener>, listener: ChangeListener): () => void {
  // A wrapper makes subscribing one function twice give two independent subscriptions.
  const subscription: ChangeListener = (event) => {
    listener(event);
  };
  set.add(subscription);
  return () => {
    set.delete(subscription);
  };
}
