// Answers shaped as the backend gives them (see openapi/openapi.json).

export const municipality = {
  name: 'Comune di Valdoria',
  istat_code: '099999',
  province: 'Provincia di Valdoria',
  region: 'Regione Valdoria',
  website: 'https://www.comune.valdoria.example',
  office: {
    name: 'Ufficio Servizi Demografici',
    address: 'Piazza del Municipio 1',
    postcode: '00000',
    city: 'Valdoria',
    phone: '+39 0123 456789',
    email: 'anagrafe@comune.valdoria.example',
    pec: 'anagrafe@pec.comune.valdoria.example',
    opening_hours: [
      { weekday: 1, opens: '08:30', closes: '12:30' },
      { weekday: 3, opens: '14:30', closes: '17:00' },
      { weekday: 3, opens: '08:30', closes: '12:30' },
      { weekday: 5, opens: '08:30', closes: '12:30' },
    ],
  },
  privacy: {
    controller: 'Comune di Valdoria',
    controller_pec: 'protocollo@pec.comune.valdoria.example',
    dpo_email: 'dpo@comune.valdoria.example',
  },
  accessibility_statement_url: 'https://form.agid.gov.it/view/valdoria',
}

export const servicesIt = {
  areas: [
    {
      code: 'anagrafe',
      title: 'Anagrafe e stato civile',
      services: [
        {
          code: 'scheda-persona',
          title: 'Scheda persona',
          description: 'La scheda anagrafica della famiglia con i suoi componenti.',
          residents_only: true,
          requires_login: true,
          available: false,
          path: null,
        },
        {
          code: 'verifica-codice-fiscale',
          title: 'Verifica codice fiscale',
          description: 'Controlla la correttezza formale di un codice fiscale.',
          residents_only: false,
          requires_login: false,
          available: true,
          path: '/strumenti/codice-fiscale',
        },
      ],
    },
    {
      code: 'elettorale',
      title: 'Servizi elettorali',
      services: [
        {
          code: 'albo-scrutatori',
          title: 'Iscrizione all’Albo degli scrutatori',
          description: 'Domanda di iscrizione all’Albo degli scrutatori di seggio.',
          residents_only: true,
          requires_login: true,
          available: false,
          path: null,
        },
      ],
    },
  ],
}

export const servicesEn = {
  areas: [
    {
      code: 'anagrafe',
      title: 'Registry and civil status',
      services: [
        {
          ...servicesIt.areas[0]!.services[0]!,
          title: 'Family record',
          description: 'Your family record.',
        },
        {
          ...servicesIt.areas[0]!.services[1]!,
          title: 'Check a tax code',
          description: 'Checks a tax code.',
        },
      ],
    },
  ],
}

export const validFiscalCode = {
  valid: true,
  normalized: 'RSSMRA85T10H501O',
  sex: 'M',
  birth_date: '1985-12-10',
  birth_place_code: 'H501',
  birth_place_name: 'Roma',
  omocodia_level: 0,
  problems: [],
}

export const invalidFiscalCode = {
  valid: false,
  normalized: 'RSSMRA85T10H501A',
  sex: null,
  birth_date: null,
  birth_place_code: null,
  birth_place_name: null,
  omocodia_level: null,
  problems: [{ code: 'check_character', message: 'Il carattere di controllo è errato: atteso O' }],
}
