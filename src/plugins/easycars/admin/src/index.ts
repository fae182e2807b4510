import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { MenuIcon } from './components/MenuIcon';
import { PERMISSIONS } from './permissions';
import { getTranslation } from './utils/getTranslation';
import { addVehicleColumn } from './content-manager/vehicle-column';
import { VehicleEasyCarsPanel } from './content-manager/vehicle-side-panel';
import { addLeadColumn } from './content-manager/lead-column';
import { LeadEasyCarsPanel } from './content-manager/lead-panel';

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: MenuIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'EasyCars' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.any,
    });
    // Settings → EasyCars: a shortcut to the plugin's credentials page.
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-credentials`,
      to: PLUGIN_ID,
      intlLabel: { id: getTranslation('settings.link'), defaultMessage: 'EasyCars' },
      Component: () => import('./pages/SettingsRedirect'),
      permissions: PERMISSIONS.readCredentials,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'EasyCars' });
    // Homepage widget: which dealerships are healthy, failing or stale (Strapi 5 homepage widgets).
    app.widgets?.register({
      id: 'sync-health',
      pluginId: PLUGIN_ID,
      icon: PluginIcon,
      title: { id: getTranslation('widget.title'), defaultMessage: 'EasyCars sync health' },
      component: async () => (await import('./components/dashboard/HealthWidget')).HealthWidget,
      link: { label: { id: getTranslation('widget.open'), defaultMessage: 'Open the EasyCars dashboard' }, href: `/plugins/${PLUGIN_ID}/dashboard` },
      permissions: PERMISSIONS.readSyncLogs,
    });
  },

  bootstrap(app: any) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addLeadColumn);
    app.getPlugin('content-manager').apis.addEditViewSidePanel([LeadEasyCarsPanel]);
    // Vehicles: "EasyCars" list column and edit-view side panel (FR19).
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addVehicleColumn);
    app.getPlugin('content-manager').apis.addEditViewSidePanel([VehicleEasyCarsPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
