import frenchMessages from 'ra-language-french';

export const fr = {
  ...frenchMessages,
  resources: {
    moves: {
      name: 'Mouvement |||| Mouvements',
      fields: {
        personId: 'Personne',
        fromOrganizationId: 'De',
        toOrganizationId: 'Vers',
        role: 'Fonction',
        roleCategory: 'Catégorie de fonction',
        announcedOn: 'Annoncé le',
        effectiveOn: 'Effectif le',
        datePrecision: 'Précision de la date',
        status: 'Statut',
        sourceIds: 'Sources',
        notes: 'Notes',
        q: 'Recherche',
        organizationId: 'Organisation (départ ou arrivée)',
        effectiveAfter: 'Effectif après',
        effectiveBefore: 'Effectif avant',
      },
    },
    people: {
      name: 'Personne |||| Personnes',
      fields: { name: 'Nom', orcid: 'ORCID', wikidataId: 'Wikidata', homepage: 'Page personnelle', fields: 'Domaines de recherche', notes: 'Notes', q: 'Recherche' },
    },
    organizations: {
      name: 'Organisation |||| Organisations',
      fields: {
        name: 'Nom',
        aliases: 'Autres noms',
        sector: 'Secteur',
        country: 'Pays',
        city: 'Ville',
        parentId: 'Rattachée à',
        website: 'Site web',
        foundedOn: 'Fondée le',
        rorId: 'Identifiant ROR',
        wikidataId: 'Wikidata',
        q: 'Recherche',
      },
    },
    sources: {
      name: 'Source |||| Sources',
      fields: { url: 'Adresse', title: 'Titre', publisher: 'Éditeur', publishedOn: 'Publié le', language: 'Langue', excerpt: 'Extrait', q: 'Recherche' },
    },
    'headcount-targets': {
      name: 'Objectif d’effectif |||| Objectifs d’effectif',
      fields: { organizationId: 'Organisation', low: 'Au moins', high: 'Au plus', population: 'Qui compte', dueBy: 'Échéance', statedOn: 'Annoncé le', sourceIds: 'Sources', q: 'Recherche' },
    },
    'headcount-observations': {
      name: 'Effectif observé |||| Effectifs observés',
      fields: { organizationId: 'Organisation', observedOn: 'Observé le', count: 'Effectif', population: 'Qui compte', sourceIds: 'Sources', q: 'Recherche' },
    },
  },
  talentflow: {
    sector: {
      public_research: 'Recherche publique',
      university: 'Université',
      big_tech: 'Grande entreprise tech',
      private_lab: 'Laboratoire privé',
      startup: 'Start-up',
      company: 'Entreprise',
      government: 'Administration',
      nonprofit: 'Association / fondation',
    },
    roleCategory: { leadership: 'Direction', researcher: 'Chercheur', engineer: 'Ingénieur', advisor: 'Conseiller', student: 'Étudiant', other: 'Autre' },
    datePrecision: { day: 'Jour', month: 'Mois', year: 'Année' },
    status: { rumoured: 'Rumeur', announced: 'Annoncé', confirmed: 'Confirmé', cancelled: 'Annulé' },
    population: { researchers: 'Chercheurs', staff: 'Personnel', phd_students: 'Doctorants' },
    validation: {
      orcid: 'Un identifiant ORCID comme 0000-0002-1825-0097, avec une clé de contrôle valide',
      wikidata: 'Un identifiant Wikidata comme Q42',
      ror: 'Un identifiant ROR court, comme 02kvxyf05',
      country: 'Un code pays à deux lettres, comme FR',
      url: 'Une adresse commençant par http:// ou https://',
    },
  },
};
