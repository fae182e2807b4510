import { Navigate } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';

/** Settings → EasyCars opens the plugin's credentials page. */
const SettingsRedirect = () => <Navigate to={`/plugins/${PLUGIN_ID}/credentials`} replace />;

export default SettingsRedirect;
