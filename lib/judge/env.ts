/** Environment variables as the judge reads them: process.env or a plain object in tests. */
export type Env = Record<string, string | undefined>;
