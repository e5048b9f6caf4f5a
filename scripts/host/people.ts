// The fake account and its users, shared by the page (APP.constant) and the server
// (the /api/v4 emulation, which knows who is asking from the session cookie). No DOM
// here: the server imports it too.

export const ACCOUNT = { id: 31337001, name: 'Bytebio', subdomain: 'bytebio', currency: 'BRL', timezone: 'America/Sao_Paulo' };

export const USERS = {
  admin: { id: 7001, login: 'marina@bytebio.com.br', name: 'Marina Costa', uuid: 'u-7001', user_rank: 'newbie' },
  member: { id: 7002, login: 'joao@bytebio.com.br', name: 'João Lima', uuid: 'u-7002', user_rank: 'newbie' },
};

/** Marina opened the account: Kommo's account record names its creator (`created_by`). */
export const OWNER_ID = USERS.admin.id;

/** The cookies the page sets and the server reads: the "session" and the API switch. */
export const SESSION_COOKIE = 'kommo_host_user';
export const API_MODE_COOKIE = 'kommo_host_api';
/** How the host's one-time tokens are signed (scripts/serve/kommo-token.ts). */
export const TOKEN_MODE_COOKIE = 'kommo_host_token';
