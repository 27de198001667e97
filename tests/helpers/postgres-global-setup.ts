// Vitest global setup: one throwaway PostgreSQL cluster for the whole run when the server binaries are installed
// (CI installs them); suites that need it create their own database on it and skip, saying why, when it is absent.
import type { TestProject } from "vitest/node";
import { postgresBinDir, startCluster, type Cluster } from "../../scripts/postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
    postgresMissing: string | null;
  }
}

let cluster: Cluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (!postgresBinDir()) {
    project.provide("postgresUrl", null);
    project.provide("postgresMissing", "PostgreSQL server binaries are not installed (apt-get install -y postgresql)");
    return;
  }
  cluster = await startCluster();
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresMissing", null);
}

export function teardown(): void {
  cluster?.stop();
}
