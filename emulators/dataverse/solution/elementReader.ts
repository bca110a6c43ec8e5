/**
 * Typed reads of one XML element's children and attributes, recording a problem (worded for an admin, naming the
 * component) whenever a value breaks the format. Value formats follow Microsoft's schema: TrueFalse01Type is "0" or
 * "1", GuidType is a GUID with optional braces, labels are `description`/`languagecode` pairs (FieldXmlFieldUIType).
 */
import type { Label } from "./manifestModel";
import type { Findings, SolutionProblemCode } from "./problems";
import { childNamed, childrenNamed, childText, type XmlElement } from "./xmlElement";

/** Where the reader is: the zip entry and the findings of this read. */
export interface ReadContext {
  readonly part: string;
  readonly findings: Findings;
}

const guidPattern = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A GUID as the model holds it: lowercase, without braces. Undefined when the text is not a GUID. */
export function normalizeGuid(text: string): string | undefined {
  return guidPattern.exec(text.trim())?.[1]?.toLowerCase();
}

/** Reads values from `element`, which the messages call `subject` (e.g. "The web resource 'csb_/form.js'"). */
export class ElementReader {
  constructor(
    readonly element: XmlElement,
    readonly subject: string,
    readonly context: ReadContext,
  ) {}

  /** Records a problem about this element; `message` continues the subject ("has no <Name>. Add one."). */
  problem(message: string, code: SolutionProblemCode = "InvalidComponent"): void {
    this.context.findings.problem(code, this.context.part, `${this.subject} ${message}`);
  }

  warn(message: string): void {
    this.context.findings.warn(this.context.part, `${this.subject} ${message}`);
  }

  /** A reader for a child element, described by its own subject. */
  child(element: XmlElement, subject: string): ElementReader {
    return new ElementReader(element, subject, this.context);
  }

  text(name: string): string | undefined {
    return childText(this.element, name);
  }

  /** The text of a child that must be present and not empty; "" (after recording the problem) when it isn't. */
  requiredText(name: string, code: SolutionProblemCode = "InvalidComponent"): string {
    const text = this.text(name);
    if (text === undefined) this.problem(`has no <${name}>. Add it.`, code);
    return text ?? "";
  }

  attribute(name: string): string | undefined {
    const value = this.element.attributes[name]?.trim();
    return value === "" ? undefined : value;
  }

  requiredAttribute(name: string, code: SolutionProblemCode = "InvalidComponent"): string {
    const value = this.attribute(name);
    if (value === undefined) this.problem(`has no ${name} attribute. Add it.`, code);
    return value ?? "";
  }

  /** A whole number from a child element; undefined (after recording the problem) when it is not one. */
  integer(name: string, code: SolutionProblemCode = "InvalidComponent"): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    return this.parseInteger(text, `<${name}>${text}</${name}>`, code);
  }

  /** A whole number from an attribute. */
  integerAttribute(name: string, code: SolutionProblemCode = "InvalidComponent"): number | undefined {
    const text = this.attribute(name);
    if (text === undefined) return undefined;
    return this.parseInteger(text, `${name}="${text}"`, code);
  }

  /** A decimal number from a child element (MinValue, MaxValue). */
  number(name: string): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) {
      this.problem(`has <${name}>${text}</${name}>, which is not a number.`);
      return undefined;
    }
    return value;
  }

  /** A TrueFalse01Type child: "1" is true, "0" false. */
  flag(name: string): boolean | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    if (text === "1" || text === "0") return text === "1";
    this.problem(`has <${name}>${text}</${name}>; it must be 0 or 1.`);
    return undefined;
  }

  /** A GUID from a child element or attribute (`source` says which), normalized. */
  guid(name: string, source: "element" | "attribute"): string | undefined {
    const text = source === "element" ? this.text(name) : this.attribute(name);
    if (text === undefined) return undefined;
    const guid = normalizeGuid(text);
    if (guid === undefined) this.problem(`has ${name} '${text}', which is not a GUID.`);
    return guid;
  }

  /** The labels inside `listName` (e.g. LocalizedNames/LocalizedName, displaynames/displayname). */
  labels(listName: string, itemName: string): Label[] {
    const list = childNamed(this.element, listName);
    if (list === undefined) return [];
    return childrenNamed(list, itemName).flatMap((item) => this.labelOf(item, `<${listName}>`));
  }

  /** The labels directly inside `element` (an option's `labels`, an environment variable's `displayname`). */
  labelsIn(element: XmlElement | undefined, itemName: string): Label[] {
    if (element === undefined) return [];
    return childrenNamed(element, itemName).flatMap((item) => this.labelOf(item, `<${element.name}>`));
  }

  private labelOf(item: XmlElement, where: string): Label[] {
    const text = item.attributes.description;
    const languageCode = Number(item.attributes.languagecode);
    if (text === undefined || !Number.isInteger(languageCode) || languageCode <= 0) {
      this.problem(`has a label in ${where} without a description or a valid languagecode (e.g. 1033).`);
      return [];
    }
    return [{ languageCode, text }];
  }

  private parseInteger(text: string, what: string, code: SolutionProblemCode): number | undefined {
    if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    this.problem(`has ${what}, which is not a whole number.`, code);
    return undefined;
  }
}
