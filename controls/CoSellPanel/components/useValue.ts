/**
 * React state as `{ value, set }`. pcf-scripts runs Babel for older browsers (preset-env, `esmodules` targets), which
 * turns every array destructuring such as `const [x, setX] = useState()` into about 700 bytes of helpers copied into
 * each module that has one; this keeps them out of the bundle, which must stay under 60 KB.
 */
import * as React from "react";

export interface ValueState<T> {
  readonly value: T;
  readonly set: React.Dispatch<React.SetStateAction<T>>;
}

export function useValue<T>(initial: T | (() => T)): ValueState<T> {
  const state = React.useState(initial);
  return { value: state[0], set: state[1] };
}
