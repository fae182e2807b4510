import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { PERMISSIONS } from './permissions';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'EasyCars' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.any,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'EasyCars' });
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
