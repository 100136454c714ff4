import englishMessages from 'ra-language-english';

export const en = {
  ...englishMessages,
  resources: {
    moves: {
      name: 'Move |||| Moves',
      fields: {
        personId: 'Person',
        fromOrganizationId: 'From',
        toOrganizationId: 'To',
        role: 'Role',
        roleCategory: 'Role category',
        announcedOn: 'Announced on',
        effectiveOn: 'Effective on',
        datePrecision: 'Date precision',
        status: 'Status',
        sourceIds: 'Sources',
        notes: 'Notes',
        q: 'Search',
        organizationId: 'Organization (either side)',
        effectiveAfter: 'Effective after',
        effectiveBefore: 'Effective before',
      },
    },
    people: {
      name: 'Person |||| People',
      fields: { name: 'Name', orcid: 'ORCID', wikidataId: 'Wikidata', homepage: 'Homepage', fields: 'Research fields', notes: 'Notes', q: 'Search' },
    },
    organizations: {
      name: 'Organization |||| Organizations',
      fields: {
        name: 'Name',
        aliases: 'Other names',
        sector: 'Sector',
        country: 'Country',
        city: 'City',
        parentId: 'Part of',
        website: 'Website',
        foundedOn: 'Founded on',
        rorId: 'ROR id',
        wikidataId: 'Wikidata',
        q: 'Search',
      },
    },
    sources: {
      name: 'Source |||| Sources',
      fields: { url: 'Address', title: 'Title', publisher: 'Publisher', publishedOn: 'Published on', language: 'Language', excerpt: 'Excerpt', q: 'Search' },
    },
    'headcount-targets': {
      name: 'Headcount target |||| Headcount targets',
      fields: { organizationId: 'Organization', low: 'At least', high: 'At most', population: 'Who counts', dueBy: 'Due by', statedOn: 'Stated on', sourceIds: 'Sources', q: 'Search' },
    },
    'headcount-observations': {
      name: 'Headcount observation |||| Headcount observations',
      fields: { organizationId: 'Organization', observedOn: 'Observed on', count: 'Headcount', population: 'Who counts', sourceIds: 'Sources', q: 'Search' },
    },
  },
  talentflow: {
    sector: {
      public_research: 'Public research',
      university: 'University',
      big_tech: 'Big tech',
      private_lab: 'Private lab',
      startup: 'Startup',
      company: 'Company',
      government: 'Government',
      nonprofit: 'Non-profit',
    },
    roleCategory: { leadership: 'Leadership', researcher: 'Researcher', engineer: 'Engineer', advisor: 'Advisor', student: 'Student', other: 'Other' },
    datePrecision: { day: 'Day', month: 'Month', year: 'Year' },
    status: { rumoured: 'Rumoured', announced: 'Announced', confirmed: 'Confirmed', cancelled: 'Cancelled' },
    population: { researchers: 'Researchers', staff: 'Staff', phd_students: 'PhD students' },
    validation: {
      orcid: 'An ORCID iD such as 0000-0002-1825-0097, with a valid check digit',
      wikidata: 'A Wikidata item id such as Q42',
      ror: 'A ROR id in its short form, such as 02kvxyf05',
      country: 'A two-letter country code such as FR',
      url: 'An address starting with http:// or https://',
    },
  },
};
