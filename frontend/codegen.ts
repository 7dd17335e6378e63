import type { CodegenConfig } from '@graphql-codegen/cli';

// The typed GraphQL client is generated from the schema files committed next to the Go server
// (never from a live server), so a schema change and the operations that use it are checked in
// the same commit. `npm run codegen:check` regenerates into a temporary folder and fails when the
// committed src/generated/ is stale; it points this config elsewhere through CODEGEN_OUT.
const out = process.env.CODEGEN_OUT ?? 'src/generated/';

const config: CodegenConfig = {
  // Hand-written schema parts first, then entgql's output (the same order as gqlgen.yml).
  // The schema declares `schema { query: Query mutation: Mutation }` explicitly, so the object
  // type `Subscription` (a telecom product subscription) is not taken as the subscription root.
  schema: ['../graph/*.graphqls', '../graph/ent.graphql'],
  // Operations live next to the feature that uses them: src/modules/<feature>/graphql/*.ts.
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: {
        // Components receive plain typed data for now; masking can come with the first fragment.
        fragmentMasking: false,
      },
      config: {
        // Documents stay strings (TypedDocumentString): the fetch helper posts them as they
        // are, so the graphql-js runtime is not shipped to the browser.
        documentMode: 'string',
        useTypeImports: true,
        // Enums become string-literal unions (no runtime objects).
        enumType: 'string-literal',
        strictScalars: true,
        scalars: {
          ID: { input: 'string', output: 'string' },
          // RFC 3339 timestamp.
          Time: { input: 'string', output: 'string' },
          // Opaque Relay cursor.
          Cursor: { input: 'string', output: 'string' },
          // Free-form JSON object.
          Map: { input: 'Record<string, unknown>', output: 'Record<string, unknown>' },
          // A file of a multipart request (graphql-multipart-request-spec): request() sends
          // File/Blob values found in the variables as file parts. Never in a result.
          Upload: { input: 'File', output: 'never' },
        },
      },
    },
  },
  hooks: {},
};

export default config;
