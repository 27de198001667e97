/** A problem to show on one line of an editor (1-based line). */
export type EditorMarker = { line: number; message: string };
