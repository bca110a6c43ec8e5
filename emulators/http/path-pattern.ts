import { HttpError } from "./http-error";

type Segment = { readonly kind: "literal"; readonly text: string } | { readonly kind: "param"; readonly name: string };

/**
 * A route pattern such as `/v1.0/engagements/referrals/:id`. Segments match whole path segments only; a `:name`
 * segment captures one decoded segment. Literal segments are compared with the decoded request segment, so
 * `/v1%2E0/...` still reaches `/v1.0/...`.
 */
export class PathPattern {
  readonly source: string;
  private readonly segments: readonly Segment[];

  constructor(source: string) {
    if (!source.startsWith("/")) throw new TypeError(`a path pattern starts with "/"; got '${source}'`);
    this.source = source;
    this.segments = source
      .slice(1)
      .split("/")
      .map((text): Segment => {
        if (!text.startsWith(":")) return { kind: "literal", text };
        if (text.length === 1) throw new TypeError(`a parameter needs a name in '${source}'`);
        return { kind: "param", name: text.slice(1) };
      });
    const names = this.segments.flatMap((segment) => (segment.kind === "param" ? [segment.name] : []));
    if (new Set(names).size !== names.length) throw new TypeError(`a parameter name repeats in '${source}'`);
  }

  /** The captured parameters when `decodedSegments` fits this pattern, otherwise undefined. */
  match(decodedSegments: readonly string[]): Record<string, string> | undefined {
    if (decodedSegments.length !== this.segments.length) return undefined;
    const params = Object.create(null) as Record<string, string>;
    for (const [index, segment] of this.segments.entries()) {
      const actual = decodedSegments[index] ?? "";
      if (segment.kind === "literal") {
        if (segment.text !== actual) return undefined;
      } else {
        params[segment.name] = actual;
      }
    }
    return params;
  }

  /**
   * Compares how specific two patterns are, segment by segment: a literal beats a parameter at the first place they
   * differ. Negative when this pattern is the more specific, so sorting ascending puts the best match first.
   */
  compareSpecificity(other: PathPattern): number {
    for (const [index, segment] of this.segments.entries()) {
      const otherKind = other.segments[index]?.kind;
      if (segment.kind !== otherKind) return segment.kind === "literal" ? -1 : 1;
    }
    return 0;
  }
}

/**
 * Splits a raw (still percent-encoded) path into decoded segments. Splitting before decoding keeps an encoded
 * slash (`%2F`) inside its segment.
 * @throws HttpError 400 on malformed percent-encoding.
 */
export function decodePathSegments(rawPath: string): string[] {
  return rawPath
    .slice(1)
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, "BadRequest", "The request path holds malformed percent-encoding.");
      }
    });
}
