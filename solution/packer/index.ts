// The CoSellBridge solution packer: scripts/build-solution.mjs calls packSolution; a deploy command or a test can
// call buildSolutionZips to get both zips in memory.
export { PackError } from "./packError";
export {
  buildSolutionZips,
  packSolution,
  type PackedSolution,
  type PackedZip,
  type PackOptions,
  type PackResult,
} from "./packSolution";
export { dataverseVersionOf, isDataverseVersion, versionInFileName } from "./version";
