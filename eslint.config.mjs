import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/db/generated/**", ".next/**", "node_modules/**", "e2e/output/**", "next-env.d.ts"] },
];

export default config;
