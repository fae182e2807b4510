export default ({ env }) => ({
  easycars: {
    enabled: true,
    resolve: './src/plugins/easycars',
    config: {},
  },
});
