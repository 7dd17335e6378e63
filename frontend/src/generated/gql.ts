/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AuditLogRow on AuditLog {\n    id\n    createdAt\n    actorType\n    actorName\n    action\n    entityType\n    entityID\n    changes\n    reason\n    requestID\n    clientIP\n  }\n": typeof types.AuditLogRowFragmentDoc,
    "\n  query AuditLogList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: AuditLogWhereInput\n  ) {\n    auditLogs(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditLogRow\n        }\n      }\n    }\n  }\n": typeof types.AuditLogListDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      name\n      roles\n      operations\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      expiresAt\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        code\n        name\n        type\n        status\n        idNumber\n        mobile\n        email\n        province\n        city\n        district\n        address\n        tags\n        createdAt\n        updatedAt\n        owner {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CustomerDetailDocument,
    "\n  mutation RevealCustomerPII($id: ID!, $reason: String!) {\n    revealCustomerPII(id: $id, reason: $reason) {\n      idNumber\n      mobile\n    }\n  }\n": typeof types.RevealCustomerPiiDocument,
    "\n  fragment CustomerListRow on Customer {\n    id\n    code\n    name\n    type\n    mobile\n    city\n    status\n    createdAt\n  }\n": typeof types.CustomerListRowFragmentDoc,
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n  ) {\n    customers(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: [{ field: CREATED_AT, direction: DESC }]\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...CustomerListRow\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  query CustomerOverview {\n    all: customers(first: 1) {\n      totalCount\n    }\n    public: customers(first: 1, where: { type: PUBLIC }) {\n      totalCount\n    }\n    business: customers(first: 1, where: { type: BUSINESS }) {\n      totalCount\n    }\n    govEnterprise: customers(first: 1, where: { type: GOV_ENTERPRISE }) {\n      totalCount\n    }\n    active: customers(first: 1, where: { status: ACTIVE }) {\n      totalCount\n    }\n    dormant: customers(first: 1, where: { status: DORMANT }) {\n      totalCount\n    }\n    churned: customers(first: 1, where: { status: CHURNED }) {\n      totalCount\n    }\n  }\n": typeof types.CustomerOverviewDocument,
};
const documents: Documents = {
    "\n  fragment AuditLogRow on AuditLog {\n    id\n    createdAt\n    actorType\n    actorName\n    action\n    entityType\n    entityID\n    changes\n    reason\n    requestID\n    clientIP\n  }\n": types.AuditLogRowFragmentDoc,
    "\n  query AuditLogList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: AuditLogWhereInput\n  ) {\n    auditLogs(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditLogRow\n        }\n      }\n    }\n  }\n": types.AuditLogListDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      name\n      roles\n      operations\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      expiresAt\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        code\n        name\n        type\n        status\n        idNumber\n        mobile\n        email\n        province\n        city\n        district\n        address\n        tags\n        createdAt\n        updatedAt\n        owner {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CustomerDetailDocument,
    "\n  mutation RevealCustomerPII($id: ID!, $reason: String!) {\n    revealCustomerPII(id: $id, reason: $reason) {\n      idNumber\n      mobile\n    }\n  }\n": types.RevealCustomerPiiDocument,
    "\n  fragment CustomerListRow on Customer {\n    id\n    code\n    name\n    type\n    mobile\n    city\n    status\n    createdAt\n  }\n": types.CustomerListRowFragmentDoc,
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n  ) {\n    customers(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: [{ field: CREATED_AT, direction: DESC }]\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...CustomerListRow\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  query CustomerOverview {\n    all: customers(first: 1) {\n      totalCount\n    }\n    public: customers(first: 1, where: { type: PUBLIC }) {\n      totalCount\n    }\n    business: customers(first: 1, where: { type: BUSINESS }) {\n      totalCount\n    }\n    govEnterprise: customers(first: 1, where: { type: GOV_ENTERPRISE }) {\n      totalCount\n    }\n    active: customers(first: 1, where: { status: ACTIVE }) {\n      totalCount\n    }\n    dormant: customers(first: 1, where: { status: DORMANT }) {\n      totalCount\n    }\n    churned: customers(first: 1, where: { status: CHURNED }) {\n      totalCount\n    }\n  }\n": types.CustomerOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditLogRow on AuditLog {\n    id\n    createdAt\n    actorType\n    actorName\n    action\n    entityType\n    entityID\n    changes\n    reason\n    requestID\n    clientIP\n  }\n"): typeof import('./graphql').AuditLogRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: AuditLogWhereInput\n  ) {\n    auditLogs(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditLogRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditLogListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      name\n      roles\n      operations\n      user {\n        id\n        username\n        displayName\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      expiresAt\n      user {\n        id\n        username\n        displayName\n        roles\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDetail($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Customer {\n        id\n        code\n        name\n        type\n        status\n        idNumber\n        mobile\n        email\n        province\n        city\n        district\n        address\n        tags\n        createdAt\n        updatedAt\n        owner {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CustomerDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealCustomerPII($id: ID!, $reason: String!) {\n    revealCustomerPII(id: $id, reason: $reason) {\n      idNumber\n      mobile\n    }\n  }\n"): typeof import('./graphql').RevealCustomerPiiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerListRow on Customer {\n    id\n    code\n    name\n    type\n    mobile\n    city\n    status\n    createdAt\n  }\n"): typeof import('./graphql').CustomerListRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n  ) {\n    customers(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: [{ field: CREATED_AT, direction: DESC }]\n      where: $where\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...CustomerListRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CustomerListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOverview {\n    all: customers(first: 1) {\n      totalCount\n    }\n    public: customers(first: 1, where: { type: PUBLIC }) {\n      totalCount\n    }\n    business: customers(first: 1, where: { type: BUSINESS }) {\n      totalCount\n    }\n    govEnterprise: customers(first: 1, where: { type: GOV_ENTERPRISE }) {\n      totalCount\n    }\n    active: customers(first: 1, where: { status: ACTIVE }) {\n      totalCount\n    }\n    dormant: customers(first: 1, where: { status: DORMANT }) {\n      totalCount\n    }\n    churned: customers(first: 1, where: { status: CHURNED }) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').CustomerOverviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
