import { Car } from '@strapi/icons';

export const PluginIcon = () => <Car />;
