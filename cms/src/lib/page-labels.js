'use strict';

// Danish labels and help texts for the page fields, as committee secretaries see them in the
// admin. The API names stay English; only what the editor reads is set here.
const PAGE_LABELS = {
  title: { label: 'Titel', description: 'Sidens overskrift. Højst 150 tegn.' },
  navTitle: { label: 'Kort titel i menuen', description: 'Vises i navigationen, hvis titlen er lang. Højst 60 tegn.' },
  slug: { label: 'Adresse (slug)', description: 'Sidens sidste del af adressen: små bogstaver a-z, 0-9 og bindestreg, fx netvaerk.' },
  section: { label: 'Afsnit', description: 'Det afsnit, siden hører til, fx trin-1 eller idekatalog.' },
  sortOrder: { label: 'Rækkefølge', description: 'Sider sorteres efter dette tal inden for afsnittet: 10, 20, 30 …' },
  pageType: { label: 'Sidetype', description: 'page for en almindelig side, post for et mødereferat.' },
  date: { label: 'Dato', description: 'Sidens dato, fx mødets dato.' },
  summary: { label: 'Resumé', description: 'Én sætning om, hvad siden handler om. Vises i søgning og oversigter. Højst 400 tegn.' },
  owner: { label: 'Ansvarlig', description: 'Hvem der står for siden, fx Opgaveudvalg om Innovation.' },
  reviewed: { label: 'Senest gennemgået', description: 'Datoen, hvor indholdet sidst blev gennemgået.' },
  nextReview: { label: 'Næste gennemgang', description: 'Datoen, hvor indholdet skal gennemgås igen. Skal ligge efter Senest gennemgået.' },
  changeNote: { label: 'Ændringsnote', description: 'Kort note, når siden er ændret væsentligt. Højst 1.000 tegn.' },
  tags: { label: 'Emneord', description: 'Emneord adskilt af komma. Bruges i emneindekset og søgningen.' },
  template: { label: 'Sideskabelon', description: 'standard for en almindelig side; arbejdsark eller idekatalog for de to særlige sider.' },
  worksheetSource: {
    label: 'Arbejdsarkets spørgsmål fra',
    description: 'Kun for arbejdsark: adressen på siden med spørgsmålene, fx /trin-2/noeglespoergsmaal/.',
  },
  oldUrls: {
    label: 'Tidligere adresser',
    description:
      'Hvis siden har skiftet adresse: de gamle adresser, adskilt af komma (fx gammel-side eller /trin-1/gammel-side/). '
      + 'Kun adresser i håndbogen; de sendes videre til siden.',
  },
  body: { label: 'Brødtekst', description: 'Sidens tekst. Højst 200.000 tegn.' },
};

/**
 * How a secretary finds and edits pages: the list shows where each page sits (section, order)
 * and when it last changed, sorted by section; the edit form starts with the body, full width.
 */
const PAGE_VIEWS = {
  settings: { mainField: 'title', defaultSortBy: 'section', defaultSortOrder: 'ASC', pageSize: 50 },
  list: ['title', 'section', 'sortOrder', 'updatedAt'],
  edit: [
    [{ name: 'title', size: 8 }, { name: 'navTitle', size: 4 }],
    [{ name: 'body', size: 12 }],
    [{ name: 'summary', size: 12 }],
    [{ name: 'section', size: 4 }, { name: 'slug', size: 4 }, { name: 'sortOrder', size: 4 }],
    [{ name: 'owner', size: 6 }, { name: 'tags', size: 6 }],
    [{ name: 'reviewed', size: 4 }, { name: 'nextReview', size: 4 }, { name: 'date', size: 4 }],
    [{ name: 'changeNote', size: 12 }],
    [{ name: 'pageType', size: 4 }, { name: 'template', size: 4 }, { name: 'worksheetSource', size: 4 }],
    [{ name: 'oldUrls', size: 12 }],
  ],
};

/** Writes the labels (and for the page type its list and edit views) into the Content Manager's settings. */
async function labelFields(strapi, uid, labels, views) {
  const service = strapi.plugin('content-manager').service('content-types');
  const contentType = strapi.contentType(uid);
  const configuration = await service.findConfiguration(contentType);
  const metadatas = { ...configuration.metadatas };
  for (const [field, { label, description, editable = true }] of Object.entries(labels)) {
    if (!metadatas[field]) continue;
    metadatas[field] = {
      ...metadatas[field],
      edit: { ...metadatas[field].edit, label, description, editable },
      list: { ...metadatas[field].list, label },
    };
  }
  const known = new Set(Object.keys(contentType.attributes));
  const layouts = { ...configuration.layouts };
  if (views?.list) {
    layouts.list = views.list.filter((f) => known.has(f));
    layouts.edit = views.edit.map((row) => row.filter((f) => known.has(f.name))).filter((row) => row.length > 0);
  }
  await service.updateConfiguration(contentType, {
    settings: views ? { ...configuration.settings, ...views.settings } : configuration.settings,
    layouts,
    metadatas,
  });
}

const SYNONYM_LABELS = {
  lines: {
    label: 'Synonymer',
    description:
      'Én gruppe ord, der betyder det samme, pr. linje, adskilt af komma (fx borger, borgere, indbygger). '
      + 'En søgning på ét af ordene finder også de andre. Linjer, der begynder med #, er noter.',
  },
};

// Written by the build, read by editors: shown, not editable, headed by the short summary.
const BUILD_STATUS_LABELS = {
  finishedAt: { label: 'Bygget', description: 'Hvornår den seneste bygning af sitet sluttede.', editable: false },
  outcome: { label: 'Resultat', description: 'ok: sitet er opdateret. fejlede: sitet er uændret; se problemerne herunder.', editable: false },
  source: { label: 'Bygget fra', description: 'Hvilken version af håndbogen der blev bygget.', editable: false },
  summary: { label: 'Kort fortalt', description: 'Antal sider og tid, eller hvor mange problemer der stoppede bygningen.', editable: false },
  problems: {
    label: 'Problemer',
    description: 'Hvert problem nævner siden (titel, sprog), feltet og linjen. Ret dem i siderne og udgiv igen.',
    editable: false,
  },
};
const BUILD_STATUS_VIEWS = { settings: { mainField: 'summary' } };

module.exports = { PAGE_LABELS, PAGE_VIEWS, SYNONYM_LABELS, BUILD_STATUS_LABELS, BUILD_STATUS_VIEWS, labelFields };
