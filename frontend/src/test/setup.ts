import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render of a test file pays for antd's styles; findBy* waits long enough for it on
// a slow (2-core) machine.
configure({ asyncUtilTimeout: 3000 });

// jsdom lacks the layout APIs that antd's responsive Grid and Table call.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
