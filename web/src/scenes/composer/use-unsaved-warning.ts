// Warns before leaving with unsaved changes: the browser's own prompt on reload or close, and a confirmation on
// links inside the app (BrowserRouter has no navigation blocker, so clicks on links are caught instead).
import { useEffect } from "react";

/**
 * While `dirty`, asks before the page is left.
 * @example useUnsavedWarning(dirty)
 */
export function useUnsavedWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.href.startsWith("#")) return;
      if (new URL(link.href).pathname === window.location.pathname) return;
      if (!window.confirm("Leave the composer? Your unsaved changes will be lost.")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    // Capture phase: before React Router's own click handler navigates.
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty]);
}
