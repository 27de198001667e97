import { db } from "@/lib/db/client";
import { clusterStatus } from "@/lib/datasets/distributed/cluster-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Workers (alive, busy, last heartbeat), queue depth, throughput and ETA. */
export async function GET(): Promise<Response> {
  return Response.json(await clusterStatus(db()));
}
