import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
  },
  // POST /api/leads (the website enquiry form): enquiries per client IP per window.
  leadForm: {
    rateLimit: {
      points: env.int('LEAD_FORM_RATE_LIMIT', 5),
      durationSeconds: env.int('LEAD_FORM_RATE_WINDOW_SECONDS', 60),
    },
  },
});
