export * from "./types";
export { recalculate } from "./recalc";
