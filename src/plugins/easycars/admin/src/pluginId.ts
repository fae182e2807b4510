export const PLUGIN_ID = 'easycars';
