import type { RowDefaults } from "./codecontests-row";

/** One not-yet-validated problem from a file, with where it came from for error messages. */
export interface SourceRow {
  location: string;
  value: unknown;
  defaults: RowDefaults;
}
