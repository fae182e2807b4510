import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  easycars: {
    enabled: true,
    resolve: './src/plugins/easycars',
    config: {},
  },
  // Alert mails (and any other mail Strapi sends) through SMTP. Without SMTP_HOST, nodemailer's JSON
  // transport is used: nothing leaves the machine (alerts still show in the admin and go to webhooks).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
          }
        : { jsonTransport: true },
      settings: {
        defaultFrom: env('SMTP_FROM', 'EasyCars for Strapi <no-reply@localhost>'),
        defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'no-reply@localhost')),
      },
    },
  },
});
