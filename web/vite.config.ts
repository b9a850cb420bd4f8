// Vite configuration of the web app: built into web/dist, which the server serves at `/`. In development
// (`npm run dev`) the API is proxied to the server on CABLEGRAM_API (default http://localhost:8080). Builds emit no
// source maps: the server would otherwise hand the app's sources to anyone.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: { "/api": { target: process.env.CABLEGRAM_API ?? "http://localhost:8080", changeOrigin: false } },
  },
});
