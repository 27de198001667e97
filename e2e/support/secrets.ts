/** The API key the e2e server is started with: it must never reach the browser in any form. */
export const E2E_API_KEY = "sk-e2e-secret-never-in-the-browser-7f3a9c";
