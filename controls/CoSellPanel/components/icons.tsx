/**
 * Inline SVG icons. Fluent's iconName icons come from an icon font on a CDN, which the panel must not load, so the
 * few glyphs it needs are drawn here. They are decorative: the text next to them says the same thing.
 */
import * as React from "react";

interface GlyphProps {
  readonly size?: number;
  readonly color?: string;
  readonly name: string;
}

function Glyph({ size = 16, color = "currentColor", name, children }: React.PropsWithChildren<GlyphProps>) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke={color}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      style={{ flexShrink: 0, verticalAlign: "middle" }}
    >
      {children}
    </svg>
  );
}

/** ✔ for a synced deal. */
export function CheckIcon(props: { readonly size?: number; readonly color?: string }) {
  return (
    <Glyph name="check" {...props}>
      <path d="M3 8.5l3.2 3.2L13 4.5" />
    </Glyph>
  );
}

/** ✖ for a failed sync. */
export function CrossIcon(props: { readonly size?: number; readonly color?: string }) {
  return (
    <Glyph name="cross" {...props}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Glyph>
  );
}

/** The small × of a removable tag. */
export function DismissIcon() {
  return (
    <Glyph name="dismiss" size={12}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Glyph>
  );
}
