export default [] as Array<Record<string, unknown>>;
