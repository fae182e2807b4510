import { factories } from '@strapi/strapi';

// The content API serves what a website enquiry form needs and nothing more: no one reads,
// edits or deletes leads (customer PII) through /api; editors use the admin panel.
export default factories.createCoreRouter('api::lead.lead', {
  only: ['create'],
  config: {
    create: { middlewares: ['api::lead.form-rate-limit'] },
  },
});
