// The admin part of the Asciidoc editor: registers the custom field whose input is the editor.
const PLUGIN_ID = 'asciidoc-editor';

export default {
  register(app) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.customFields.register({
      name: 'asciidoc',
      pluginId: PLUGIN_ID,
      type: 'text',
      intlLabel: { id: `${PLUGIN_ID}.field.label`, defaultMessage: 'Asciidoc-tekst' },
      intlDescription: {
        id: `${PLUGIN_ID}.field.description`,
        defaultMessage: 'Tekst i Asciidoc med værktøjslinje og forhåndsvisning',
      },
      components: {
        Input: async () => import('./components/AsciidocInput.jsx'),
      },
    });
  },

  async registerTrads({ locales }) {
    const trads = {
      da: {
        [`${PLUGIN_ID}.field.label`]: 'Asciidoc-tekst',
        [`${PLUGIN_ID}.field.description`]: 'Tekst i Asciidoc med værktøjslinje og forhåndsvisning',
      },
      en: {
        [`${PLUGIN_ID}.field.label`]: 'Asciidoc text',
        [`${PLUGIN_ID}.field.description`]: 'Asciidoc text with a toolbar and a preview',
      },
    };
    return locales.map((locale) => ({ locale, data: trads[locale] || trads.en }));
  },
};
