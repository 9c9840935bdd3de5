import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In production the API serves dist/ at "/" with an SPA fallback, so assets use absolute paths.
export default defineConfig({
  base: "/",
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
  build: { outDir: "dist", sourcemap: true },
});
