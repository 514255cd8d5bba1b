/**
 * The core's contract: what the adapters hand in (grids of raw cells) and what they get back
 * (records, problems, metrics and output tables). Pure data; no Office.js, DOM or Node types.
 * One file a concern; import from here.
 */
export * from "./input";
export * from "./records";
export * from "./problems";
export * from "./metrics";
export * from "./output";
