/**
 * The web resources the solution publishes: the bundled form and command bar script with its strings in English and
 * Russian, the views' icon script, and the sync status icons it names. Names follow the web resources' build
 * (webresources/README.md): each is the file's path under out/webresources. The ids are fixed: an upgrade finds each
 * web resource again by its id.
 */
import type { WebResourceDefinition } from "./model";

function strings(id: string, languageCode: number, language: string): WebResourceDefinition {
  return {
    id,
    name: `csb_/strings/opportunity.${languageCode}.resx`,
    displayName: `Co-sell Bridge: form strings (${language})`,
    description: `The sentences of the opportunity form and command bar in ${language}.`,
    type: "StringResx",
    languageCode,
  };
}

/** The script's sentences, one RESX per language (webresources/README.md, "Strings"). */
export const opportunityStrings: readonly WebResourceDefinition[] = [
  strings("3c0f5d2e-6b1a-4f7e-9d41-2a8c5e7b1f03", 1033, "English"),
  strings("8e2b7a41-5c9d-4e3f-b016-7d4a9c2e5b18", 1049, "Russian"),
];

export const opportunityScript: WebResourceDefinition = {
  id: "f3779eff-879b-4673-a81c-974f77dc4fa3",
  name: "csb_/scripts/opportunity.js",
  displayName: "Co-sell Bridge: opportunity form and command bar",
  description: "Form events and command bar buttons of the Co-sell Bridge.",
  type: "JavaScript",
  dependsOn: opportunityStrings,
};

/** The views' icon function on its own, so that a view does not load the form's script (webresources/README.md). */
export const gridScript: WebResourceDefinition = {
  id: "b8a67be3-8533-4bbd-aeaa-40dfd8212793",
  name: "csb_/scripts/grid.js",
  displayName: "Co-sell Bridge: opportunity views",
  description: "The sync status checkmark of the Co-sell Bridge in opportunity views.",
  type: "JavaScript",
};

/** The scripts, whose functions the packer checks in each built file (packer/handlerCheck.ts). */
export const scripts: readonly WebResourceDefinition[] = [opportunityScript, gridScript];

function icon(id: string, status: string, words: string): WebResourceDefinition {
  return {
    id,
    name: `csb_/icons/${status}.svg`,
    displayName: `Co-sell Bridge: ${words} icon`,
    description: `Shown in opportunity views when the opportunity is ${words}.`,
    type: "SVG",
  };
}

export const statusIcons: readonly WebResourceDefinition[] = [
  icon("bfa47940-4742-46c5-8fd7-d317a8cdac73", "synced", "synced with Partner Center"),
  icon("96efba03-aa3f-4254-a675-d93597092d84", "pending", "waiting to sync"),
  icon("7d99ac1d-b077-4bad-8be8-e447876f2a89", "error", "in sync error"),
  icon("76c9726f-8f24-4713-97a3-a97ca57e4acd", "notsynced", "not synced"),
];

/** Every web resource, the scripts first. */
export const webResources: readonly WebResourceDefinition[] = [...scripts, ...opportunityStrings, ...statusIcons];

/** The icon web resource of a status ("synced", "pending", ...). */
export function iconNamed(status: string): WebResourceDefinition {
  const found = statusIcons.find((candidate) => candidate.name === `csb_/icons/${status}.svg`);
  if (found === undefined) throw new Error(`There is no status icon '${status}'.`);
  return found;
}
