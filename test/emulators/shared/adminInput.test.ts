import { describe, expect, it } from "vitest";
import {
  AdminInputError,
  asAdminInput,
  onlyMembers,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalText,
  optionalTextList,
  requiredObject,
  requiredText,
} from "../../../emulators/shared/admin/adminInput";

describe("admin body readers", () => {
  const body = { name: "Contoso", blank: " ", count: 3, infinite: Infinity, on: true, tags: ["a"], nested: { a: 1 } };

  it("return members of the right type, and undefined for absent optional ones", () => {
    expect(requiredText(body, "name")).toBe("Contoso");
    expect(optionalText(body, "name")).toBe("Contoso");
    expect(optionalText(body, "missing")).toBeUndefined();
    expect(optionalNumber(body, "count")).toBe(3);
    expect(optionalBoolean(body, "on")).toBe(true);
    expect(optionalTextList(body, "tags")).toEqual(["a"]);
    expect(requiredObject(body, "nested")).toEqual({ a: 1 });
    expect(optionalObject(body, "missing")).toBeUndefined();
  });

  it("refuse the wrong type with an AdminInputError naming the member", () => {
    expect(() => requiredText(body, "blank")).toThrow(
      new AdminInputError("'blank' is required and must be a non-empty string."),
    );
    expect(() => optionalText(body, "count")).toThrow("'count' must be a string when given.");
    expect(() => optionalNumber(body, "infinite")).toThrow("'infinite' must be a number when given.");
    expect(() => optionalBoolean(body, "name")).toThrow("'name' must be true or false when given.");
    expect(() => optionalTextList(body, "nested")).toThrow("'nested' must be an array of strings when given.");
    expect(() => requiredObject(body, "tags")).toThrow("'tags' is required and must be an object.");
    expect(() => optionalObject(body, "name")).toThrow(AdminInputError);
  });

  it("refuse unknown members, naming them and the known ones", () => {
    expect(() => {
      onlyMembers({ demo: true }, ["demo", "seed"]);
    }).not.toThrow();
    expect(() => {
      onlyMembers({ colour: 1, size: 2 }, ["demo", "seed"]);
    }).toThrow("Unknown member(s) 'colour', 'size'; use demo, seed.");
  });

  it("turn RangeError and TypeError into AdminInputError, and let anything else through", () => {
    expect(asAdminInput(() => 5)).toBe(5);
    expect(() =>
      asAdminInput(() => {
        throw new RangeError("too big");
      }),
    ).toThrow(new AdminInputError("too big"));
    const other = new Error("disk full");
    expect(() =>
      asAdminInput(() => {
        throw other;
      }),
    ).toThrow(other);
  });
});
