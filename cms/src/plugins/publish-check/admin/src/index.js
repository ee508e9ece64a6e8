// The admin part of the publish check: a panel in the page's edit view with the latest check of
// the page (after "Gem" and after "Offentliggør"), in Danish.
import { CheckPanel } from './CheckPanel.jsx';

const PLUGIN_ID = 'publish-check';

export default {
  register(app) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },
  bootstrap(app) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([CheckPanel]);
  },
};
