/**
 * The product's version, from package.json, for the output sheets' generated-at line: the
 * adapters read it (the core reads no files) and hand it to the core with each run.
 */
import packageJson from "../../package.json";

export const PRODUCT_VERSION: string = packageJson.version;
