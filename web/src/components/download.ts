// Starting a download the browser saves itself: a link with `download`, clicked, so the file streams to disk as the
// server writes it (the session cookie goes along) instead of being held in the page's memory.

/**
 * Asks the browser to download `href`, saving it under the name the server's Content-Disposition gives.
 * @example startDownload("/api/search/export?q=kosovo&format=zip")
 */
export function startDownload(href: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = "";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
