import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { ImportError } from "./import-error";

/** Extracts every file of a zip into `destination`, refusing entries that would land outside it. */
export async function extractZip(zipFile: string, destination: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (error, opened) =>
      error ? reject(new ImportError(path.basename(zipFile), `is not a readable zip (${error.message})`)) : resolve(opened),
    ),
  );
  const root = path.resolve(destination);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      zip.close();
      reject(error instanceof ImportError ? error : new ImportError(path.basename(zipFile), error.message));
    };
    zip.on("error", fail);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      const target = path.resolve(root, entry.fileName);
      if (target !== root && !target.startsWith(root + path.sep)) {
        fail(new ImportError(path.basename(zipFile), `entry ${entry.fileName} would be written outside the folder`));
        return;
      }
      if (entry.fileName.endsWith("/")) {
        fs.mkdirSync(target, { recursive: true });
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        pipeline(stream, fs.createWriteStream(target)).then(() => zip.readEntry(), fail);
      });
    });
    zip.readEntry();
  });
}

/** The save_to_disk folder inside an extracted archive (it is usually one level down). */
export function findDatasetFolder(root: string, isDataset: (folder: string) => boolean, depth = 3): string | null {
  if (isDataset(root)) return root;
  if (depth === 0) return null;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".") || entry.name === "__MACOSX") continue;
    const found = findDatasetFolder(path.join(root, entry.name), isDataset, depth - 1);
    if (found) return found;
  }
  return null;
}
