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

export const providers = {
  providers: [
    { id: 'password', name: 'Codice fiscale e password', kind: 'password', start_url: null },
  ],
  client_ip: '192.0.2.10',
  password_registration: true,
}

export const citizenProfile = {
  id: 'acc-citizen',
  role: 'citizen',
  fiscal_code: 'RSSMRA85T10H501O',
  username: null,
  surname: 'Rossi',
  name: 'Mario',
  sex: 'M',
  birth_date: '1985-12-10',
  birth_place_code: 'H501',
  email: 'mario.rossi@example.org',
  pec: null,
  phone: '0123 456789',
  mobile_phone: null,
  address: { province: 'VD', municipality: 'Valdoria', street: 'Via Roma', number: '12' },
  status: 'active',
  created_at: '2026-01-15T10:00:00',
  resident: true,
}

export const pendingAccount = {
  id: 'acc-pending-1',
  role: 'citizen',
  fiscal_code: 'BNCLRA90A41H501Y',
  username: null,
  surname: 'Bianchi',
  name: 'Laura',
  birth_date: '1990-01-01',
  email: 'laura.bianchi@example.org',
  status: 'pending_identification',
  created_at: '2026-11-20T09:30:00',
  identity_document_type: null,
  identity_document_number: null,
  identified_at: null,
}

export const activeAccount = {
  ...pendingAccount,
  id: 'acc-active-1',
  fiscal_code: 'VRDGPP80A01H501U',
  surname: 'Verdi',
  name: 'Giuseppe',
  birth_date: '1980-01-01',
  email: null,
  status: 'active',
  identity_document_type: 'carta_identita_elettronica',
  identity_document_number: 'CA12345AB',
  identified_at: '2026-11-21T11:00:00',
}

// Back office administration.

export const operatorsGroup = {
  id: 'operatori-anagrafe',
  name: 'Operatori anagrafe',
  description: "Personale dell'Ufficio Servizi Demografici",
  built_in: true,
  permissions: ['accounts.identify', 'audit.read', 'registry.read'],
  members: 1,
}

export const auditorsGroup = {
  id: 'grp-revisori',
  name: 'Revisori',
  description: 'Controllo interno',
  built_in: false,
  permissions: ['audit.read'],
  members: 2,
}

export const permissionList = [
  { code: 'accounts.identify', label: 'Identificazione allo sportello' },
  { code: 'accounts.manage', label: 'Gestione utenti' },
  { code: 'groups.manage', label: 'Gestione gruppi e permessi' },
  { code: 'audit.read', label: 'Consultazione del registro delle operazioni' },
  { code: 'mail.read', label: 'Consultazione della posta in uscita' },
  { code: 'mail.manage', label: 'Gestione della posta in uscita' },
  { code: 'registry.read', label: "Consultazione dell'anagrafe" },
]

export const citizenUser = { ...activeAccount, groups: [] as string[] }

export const operatorUser = {
  ...activeAccount,
  id: 'acc-operator',
  role: 'operator',
  fiscal_code: null,
  username: 'operatore',
  surname: 'Operatore',
  name: 'Demo',
  birth_date: null,
  identity_document_type: null,
  identity_document_number: null,
  identified_at: null,
  groups: ['operatori-anagrafe'],
}

export const adminUser = {
  ...operatorUser,
  id: 'acc-admin',
  role: 'admin',
  username: 'admin',
  surname: 'Amministratore',
  groups: ['amministratori'],
}

export const auditActions = {
  actions: [
    { code: 'account.locked', label_it: 'Blocco di un account', label_en: 'Account locked' },
    { code: 'group.created', label_it: 'Creazione di un gruppo', label_en: 'Group created' },
  ],
}

export const auditEntry = {
  id: 42,
  occurred_at: '2026-11-23T09:30:00.123456Z',
  actor_id: 'acc-admin',
  actor_label: 'Amministratore Demo',
  action: 'account.locked',
  subject_type: 'account',
  subject_id: 'acc-active-1',
  reason: null,
  ip: '192.0.2.10',
  request_id: '0193a4c2-7d1e-7c4e-9a7b-2f0c1d9e8a11',
  details: {},
  prev_hash: '9f2c',
  hash: '51ab',
}

export const sentMail = {
  id: 'mail-1',
  created_at: '2026-11-23T09:00:00Z',
  recipients: ['mario.rossi@example.org'],
  cc: [],
  subject: 'Comune di Valdoria: reimpostazione della password',
  status: 'sent',
  attempts: 1,
  next_attempt_at: null as string | null,
  last_error: null as string | null,
  sent_at: '2026-11-23T09:00:05Z',
  attachments: [],
}

export const failedMail = {
  ...sentMail,
  id: 'mail-2',
  recipients: ['nessuno@example.org'],
  subject: 'Il suo certificato',
  status: 'failed',
  attempts: 10,
  last_error: 'permanent error (550): mailbox unavailable',
  sent_at: null,
  attachments: [
    { file_name: 'certificato-residenza.pdf', content_type: 'application/pdf', size: 48213 },
  ],
}
