import { adminRoute } from '../../utils/route';

/** Who to ask for help: the site's configuration, no dealership's data; any EasyCars user. */
export default [adminRoute('GET', '/support', 'support.find', [], 'own-dealerships')];
