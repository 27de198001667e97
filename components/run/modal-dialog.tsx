"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A native modal <dialog>: focus moves into it, Escape closes it, the page behind is inert. */
export function ModalDialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className="m-auto w-[min(56rem,95vw)] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open ? (
        <div className="space-y-3 p-4">
          <div className="flex items-center">
            <h2 className="text-base font-semibold">{title}</h2>
            <button type="button" onClick={onClose} className="ml-auto rounded px-2 text-lg leading-none hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800" aria-label="Close">
              ×
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
