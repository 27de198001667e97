import pg from "pg";
import { urlOf, type Db } from "@/lib/db/client";
import { wake } from "./notifier";
import { RUN_EVENTS_CHANNEL } from "./pg-channel";

const RECONNECT_MS = 1000;

type Listening = { ready: Promise<void> };
const registryKey = Symbol.for("alphaflow.runs.pgListeners");
const globalRegistry = globalThis as unknown as { [registryKey]?: Map<string, Listening> };

/**
 * One LISTEN connection per process and database: every run event committed by any process (a worker on another
 * machine) wakes this process's subscribers of that run, which then read the database. The notification carries
 * only the run id, so a lost one costs latency (the subscriber's poll still runs), never an event.
 */
export function listenForRunEvents(db: Db): Promise<void> {
  const url = urlOf(db);
  if (!url) return Promise.resolve();
  const registry = (globalRegistry[registryKey] ??= new Map());
  let listening = registry.get(url);
  if (!listening) {
    listening = { ready: connect(url) };
    registry.set(url, listening);
  }
  return listening.ready.catch(() => undefined);
}

async function connect(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (message) => {
    if (message.channel === RUN_EVENTS_CHANNEL && message.payload) wake(message.payload);
  });
  const reconnect = () => {
    client.removeAllListeners();
    void client.end().catch(() => undefined);
    setTimeout(() => {
      const registry = globalRegistry[registryKey];
      registry?.set(url, { ready: connect(url) });
    }, RECONNECT_MS).unref();
  };
  client.on("error", reconnect);
  try {
    await client.connect();
    await client.query(`LISTEN ${RUN_EVENTS_CHANNEL}`);
  } catch (error) {
    reconnect();
    throw error;
  }
  // The LISTEN connection must not keep a CLI process alive after its work is done.
  (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
}
