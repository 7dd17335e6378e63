import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Go server in dev mode (`c360 serve`); override with C360_DEV_API.
const api = process.env.C360_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/graphiql': { target: api, changeOrigin: false },
    },
  },
  build: {
    // dist/ itself holds the committed placeholder index.html that keeps `go build` working
    // without Node; the real build goes one level down and embed.go prefers it (README.md).
    outDir: 'dist/app',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Whole-app flows (sign-in guard, antd forms and dialogs) take seconds in jsdom on a slow,
    // busy 2-core machine; the 5 s default failed tests that were only slow.
    testTimeout: 30_000,
  },
});
