/**
 * Loads what the panel shows besides the context: the environment variables (once), the saved opportunity (again a
 * moment after the form changes, so a save is noticed), and the catalogue names of the chosen products.
 */
import * as React from "react";
import type { OpportunitySnapshot, SolutionCatalogEntry } from "../../../core";
import type { DataverseReader } from "../data/dataverse";
import { messageOf } from "../data/dataverse";
import { readEnvironmentValues } from "../data/environmentVariables";
import { readOpportunitySnapshot } from "../data/opportunitySnapshot";
import type { ProductCatalog } from "../data/productCatalog";
import type { Loadable } from "../model/panelData";
import { type PanelSettings, panelSettingsOf } from "../model/settings";
import { useValue } from "./useValue";

/** Puts the outcome of `read` into `set`, unless `live()` says the panel has moved on (or gone) meanwhile. */
function loadInto<T>(read: Promise<T>, set: (loaded: Loadable<T>) => void, live: () => boolean): void {
  read.then(
    (value) => {
      if (live()) set({ state: "loaded", value });
    },
    (error: unknown) => {
      if (live()) set({ state: "failed", message: messageOf(error) });
    },
  );
}

export function useEnvironmentSettings(reader: DataverseReader): Loadable<PanelSettings> {
  const settings = useValue<Loadable<PanelSettings>>({ state: "loading" });
  const setSettings = settings.set;
  React.useEffect(() => {
    let live = true;
    loadInto(readEnvironmentValues(reader).then(panelSettingsOf), setSettings, () => live);
    return () => {
      live = false;
    };
  }, [reader, setSettings]);
  return settings.value;
}

/**
 * The saved row, read when the record id is known and again `refreshDelayMs` after `formVersion` last changed (the
 * form calls updateView after a save). A refresh keeps showing the previous row until the new one arrives. The first
 * read is never given up for a form update: the host calls updateView again at once (layout, outputs), and a first
 * read dropped then would leave the panel without the row's version, so it could not notice the save that follows.
 */
export function useSavedOpportunity(
  reader: DataverseReader,
  recordId: string | null,
  formVersion: unknown,
  refreshDelayMs: number,
): Loadable<OpportunitySnapshot> | null {
  const snapshot = useValue<Loadable<OpportunitySnapshot>>({ state: "loading" });
  const setSnapshot = snapshot.set;
  React.useEffect(() => {
    if (recordId === null) return undefined;
    let live = true;
    setSnapshot({ state: "loading" });
    loadInto(readOpportunitySnapshot(reader, recordId), setSnapshot, () => live);
    return () => {
      live = false;
    };
  }, [reader, recordId, setSnapshot]);

  const readSince = React.useRef<{ readonly recordId: string | null; readonly formVersion: unknown } | null>(null);
  React.useEffect(() => {
    if (recordId === null) return undefined;
    // The first form version of a record is the one the first read already covers.
    const first = readSince.current?.recordId !== recordId;
    readSince.current = { recordId, formVersion };
    if (first) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      loadInto(readOpportunitySnapshot(reader, recordId), setSnapshot, () => live);
    }, refreshDelayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [reader, recordId, formVersion, refreshDelayMs, setSnapshot]);
  return recordId === null ? null : snapshot.value;
}

export interface ProductNames {
  /** Catalogue names by upper-case solution id. */
  readonly names: ReadonlyMap<string, string>;
  /** Keeps the names of solutions picked from the suggestions, so they need no read. */
  readonly remember: (entries: readonly SolutionCatalogEntry[]) => void;
}

/** Names of the chosen solution ids by upper-case id: read from the catalogue, or remembered from the picker. */
export function useProductNames(catalog: ProductCatalog, ids: readonly string[]): ProductNames {
  const names = useValue<ReadonlyMap<string, string>>(new Map());
  const setNames = names.set;
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const remember = React.useCallback(
    (entries: readonly SolutionCatalogEntry[]) => {
      if (entries.length === 0 || !mounted.current) return;
      setNames(
        (known) => new Map([...known, ...entries.map((entry) => [entry.id.toUpperCase(), entry.name] as const)]),
      );
    },
    [setNames],
  );
  // Ids asked for once are not asked for again, even when the catalogue doesn't know them.
  const requested = React.useRef(new Set<string>());
  const unknown = ids.filter((id) => !names.value.has(id.toUpperCase()) && !requested.current.has(id.toUpperCase()));
  const unknownKey = unknown.join("\n");
  React.useEffect(() => {
    if (unknownKey === "") return;
    const wanted = unknownKey.split("\n");
    for (const id of wanted) requested.current.add(id.toUpperCase());
    catalog.namesOf(wanted).then(remember, () => {
      // Without names the tags show the ids, which is still correct; the picker reports search failures.
    });
  }, [catalog, unknownKey, remember]);
  return { names: names.value, remember };
}
