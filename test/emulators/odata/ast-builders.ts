import type { FilterExpression, PropertyPath } from "../../../emulators/odata";

// Builders that keep expected syntax trees in the parser tests short enough to read.

export function path(...segments: string[]): PropertyPath {
  return { type: "path", variable: null, segments };
}

export function variablePath(variable: string, ...segments: string[]): PropertyPath {
  return { type: "path", variable, segments };
}

export function eq(left: FilterExpression, right: FilterExpression): FilterExpression {
  return { type: "comparison", operator: "eq", left, right };
}

export const one: FilterExpression = { type: "number", value: 1, text: "1" };
