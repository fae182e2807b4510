// Integration and browser tests boot Strapi (and chromium): give hooks and tests room.
// (testTimeout is a global Jest option and is ignored inside `projects`.)
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS ?? 180000));
