export default {
  config: {
    locales: [],
    // No call home for release notes: these machines are offline.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap() {},
};
