/**
 * Building the page with DOM calls only: text goes in as text, never parsed as HTML, so nothing the service sends
 * (a summary, an error message) can become markup; the page's CSP requires Trusted Types for any HTML sink.
 */

export type Child = Node | string | null;

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child !== null) parent.append(child);
  }
}

/** An HTML element with a class, text or attributes, and children. */
export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attributes ?? {})) element.setAttribute(name, value);
  append(element, children);
  return element;
}

/** An SVG element with attributes (numbers are written as they are) and children. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>> = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  append(element, children);
  return element;
}

/** The element with `id`, of the type the page's HTML gives it. @throws Error when the page has no such element. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The operator page has no #${id}; reload the page.`);
  return element;
}
