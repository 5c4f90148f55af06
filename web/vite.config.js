import { defineConfig } from "vite";

// Assets are embedded in the Go binary and served from /, offline.
export default defineConfig({
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 600 },
});
