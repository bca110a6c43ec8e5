import { describe, expect, it } from "vitest";
import { jsonObjectOf } from "../../../emulators/shared/jsonObject";

class ToySnapshotError extends Error {}
const refuse = (message: string) => new ToySnapshotError(message);

describe("jsonObjectOf", () => {
  it("parses JSON text and takes a parsed object as it is", () => {
    expect(jsonObjectOf('{"version":1}', "state.json", refuse)).toEqual({ version: 1 });
    const parsed = { version: 1 };
    expect(jsonObjectOf(parsed, "snapshot", refuse)).toBe(parsed);
  });

  it("refuses text that is not JSON, and values that are not objects, with the caller's error", () => {
    expect(() => jsonObjectOf("{", "state.json", refuse)).toThrow(ToySnapshotError);
    expect(() => jsonObjectOf("{", "state.json", refuse)).toThrow(/^state\.json is not valid JSON: /);
    for (const value of ["[]", "null", "3", [], null, 3]) {
      expect(() => jsonObjectOf(value, "snapshot", refuse)).toThrow(
        new ToySnapshotError("snapshot must be a JSON object"),
      );
    }
  });
});
