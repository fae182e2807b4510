import type { Health } from '../../api/dashboard';

type T = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;
type Variant = 'success' | 'warning' | 'danger' | 'secondary' | 'neutral';

export const healthText = (t: T, health: Health) =>
  ({
    ok: t('dashboard.health.ok', 'Healthy'),
    attention: t('dashboard.health.attention', 'Needs attention'),
    running: t('dashboard.health.running', 'Syncing'),
    failing: t('dashboard.health.failing', 'Failing'),
    stale: t('dashboard.health.stale', 'Stale'),
    off: t('dashboard.health.off', 'Switched off'),
    never: t('dashboard.health.never', 'No sync yet'),
    not_configured: t('dashboard.health.notConfigured', 'Not connected'),
  })[health] ?? health;

export const healthVariant = (health: Health): Variant =>
  health === 'ok' ? 'success' : health === 'attention' || health === 'stale' ? 'warning' : health === 'failing' ? 'danger' : health === 'running' ? 'secondary' : 'neutral';

export const needsAttention = (health: Health) => health === 'failing' || health === 'stale' || health === 'attention';
