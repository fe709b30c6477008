/** Schema of the oversight context (ServiceRuntime: context 'oversight' → schema 'oversight'); tables: migrations/. */
export const S = 'oversight';
