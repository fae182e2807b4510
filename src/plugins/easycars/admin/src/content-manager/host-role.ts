/**
 * Which of the plugin's roles (dealership, vehicle, lead) a content-manager layout is. The server tags
 * the configured content types at start-up (`pluginOptions.easycars.role`), and the content manager
 * merges a schema's pluginOptions into its layout's options, so the list hook knows without a request.
 */
export type HostRole = 'dealership' | 'vehicle' | 'lead';

export const hasHostRole = (layout: { options?: Record<string, unknown> } | null | undefined, role: HostRole): boolean =>
  (layout?.options?.easycars as { role?: string } | undefined)?.role === role;
