import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server at /admin (SPA fallback there), so assets and the router live under /admin/.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      // Uploaded images (pickup-point photos) are served by the API server too.
      '/uploads': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are lazy chunks, so the login screen loads only the antd parts it uses (~600 kB, ~190 kB gzip);
    // one forced antd chunk would make every first visit pay for the DatePicker and Table too.
    chunkSizeWarningLimit: 700,
  },
});
