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
    "\n  fragment KnowledgeDocumentFields on KnowledgeDocument {\n    id\n    title\n    summary\n    body\n    tags\n    audience\n    status\n    pendingStatus\n    currentVersion\n    publishedVersion\n    createdAt\n    updatedAt\n    publishedAt\n    publishAt\n    archiveAt\n    reviewedAt\n    reviewComment\n    lockHolderID\n    lockExpiresAt\n    lockHolder {\n      id\n      displayName\n      username\n    }\n    author {\n      id\n      displayName\n      username\n    }\n    categories {\n      id\n      name\n      taxonomy\n    }\n    products {\n      id\n      code\n      name\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      extractionStatus\n      extractionError\n      createdAt\n      uploadedBy {\n        id\n        displayName\n        username\n      }\n    }\n    versions(first: 100, orderBy: { field: NUMBER, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          title\n          changeNote\n          createdAt\n          author {\n            id\n            displayName\n            username\n          }\n        }\n      }\n    }\n  }\n": typeof types.KnowledgeDocumentFieldsFragmentDoc,
    "\n  query KnowledgeDocument($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KnowledgeDocument {\n        ...KnowledgeDocumentFields\n      }\n    }\n  }\n": typeof types.KnowledgeDocumentDocument,
    "\n  query DocumentVersion($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DocumentVersion {\n        id\n        number\n        title\n        summary\n        body\n        tags\n        changeNote\n        createdAt\n        author {\n          id\n          displayName\n          username\n        }\n      }\n    }\n  }\n": typeof types.DocumentVersionDocument,
    "\n  query KnowledgeDocumentDiff($id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    knowledgeDocumentDiff(id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      fromVersion\n      toVersion\n      fields {\n        field\n        lines {\n          op\n          text\n        }\n      }\n    }\n  }\n": typeof types.KnowledgeDocumentDiffDocument,
    "\n  mutation CreateKnowledgeDocument($input: KnowledgeDocumentInput!) {\n    createKnowledgeDocument(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.CreateKnowledgeDocumentDocument,
    "\n  mutation UpdateKnowledgeDocument($id: ID!, $input: KnowledgeDocumentInput!) {\n    updateKnowledgeDocument(id: $id, input: $input) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.UpdateKnowledgeDocumentDocument,
    "\n  mutation LockKnowledgeDocument($id: ID!) {\n    lockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.LockKnowledgeDocumentDocument,
    "\n  mutation UnlockKnowledgeDocument($id: ID!) {\n    unlockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.UnlockKnowledgeDocumentDocument,
    "\n  mutation SubmitKnowledgeDocument($id: ID!) {\n    submitKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.SubmitKnowledgeDocumentDocument,
    "\n  mutation ApproveKnowledgeDocument($id: ID!, $publishAt: Time) {\n    approveKnowledgeDocument(id: $id, publishAt: $publishAt) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.ApproveKnowledgeDocumentDocument,
    "\n  mutation RejectKnowledgeDocument($id: ID!, $comment: String!) {\n    rejectKnowledgeDocument(id: $id, comment: $comment) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.RejectKnowledgeDocumentDocument,
    "\n  mutation ArchiveKnowledgeDocument($id: ID!, $at: Time) {\n    archiveKnowledgeDocument(id: $id, at: $at) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.ArchiveKnowledgeDocumentDocument,
    "\n  mutation RestoreKnowledgeDocumentVersion($versionID: ID!) {\n    restoreKnowledgeDocumentVersion(versionID: $versionID) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": typeof types.RestoreKnowledgeDocumentVersionDocument,
    "\n  mutation UploadAttachment($documentID: ID!, $file: Upload!) {\n    uploadAttachment(documentID: $documentID, file: $file) {\n      id\n      filename\n      extractionStatus\n    }\n  }\n": typeof types.UploadAttachmentDocument,
    "\n  fragment KnowledgeHitFields on KnowledgeHit {\n    score\n    highlights {\n      field\n      snippet\n    }\n    document {\n      id\n      title\n      summary\n      status\n      pendingStatus\n      audience\n      tags\n      updatedAt\n      categories {\n        id\n        name\n      }\n    }\n  }\n": typeof types.KnowledgeHitFieldsFragmentDoc,
    "\n  query SearchKnowledge(\n    $query: String!\n    $filter: KnowledgeSearchFilter\n    $first: Int\n    $after: Cursor\n  ) {\n    searchKnowledge(query: $query, filter: $filter, first: $first, after: $after) {\n      total\n      tookMs\n      facets {\n        count\n        category {\n          id\n          name\n          taxonomy\n        }\n      }\n      hits {\n        ...KnowledgeHitFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchKnowledgeDocument,
    "\n  query KnowledgeCategories {\n    knowledgeCategories(first: 100, orderBy: { field: SORT_ORDER, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          taxonomy\n          parentID\n          sortOrder\n        }\n      }\n    }\n  }\n": typeof types.KnowledgeCategoriesDocument,
    "\n  query KnowledgeProductOptions {\n    products(first: 100, orderBy: { field: CODE, direction: ASC }) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n": typeof types.KnowledgeProductOptionsDocument,
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
    "\n  fragment KnowledgeDocumentFields on KnowledgeDocument {\n    id\n    title\n    summary\n    body\n    tags\n    audience\n    status\n    pendingStatus\n    currentVersion\n    publishedVersion\n    createdAt\n    updatedAt\n    publishedAt\n    publishAt\n    archiveAt\n    reviewedAt\n    reviewComment\n    lockHolderID\n    lockExpiresAt\n    lockHolder {\n      id\n      displayName\n      username\n    }\n    author {\n      id\n      displayName\n      username\n    }\n    categories {\n      id\n      name\n      taxonomy\n    }\n    products {\n      id\n      code\n      name\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      extractionStatus\n      extractionError\n      createdAt\n      uploadedBy {\n        id\n        displayName\n        username\n      }\n    }\n    versions(first: 100, orderBy: { field: NUMBER, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          title\n          changeNote\n          createdAt\n          author {\n            id\n            displayName\n            username\n          }\n        }\n      }\n    }\n  }\n": types.KnowledgeDocumentFieldsFragmentDoc,
    "\n  query KnowledgeDocument($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KnowledgeDocument {\n        ...KnowledgeDocumentFields\n      }\n    }\n  }\n": types.KnowledgeDocumentDocument,
    "\n  query DocumentVersion($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DocumentVersion {\n        id\n        number\n        title\n        summary\n        body\n        tags\n        changeNote\n        createdAt\n        author {\n          id\n          displayName\n          username\n        }\n      }\n    }\n  }\n": types.DocumentVersionDocument,
    "\n  query KnowledgeDocumentDiff($id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    knowledgeDocumentDiff(id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      fromVersion\n      toVersion\n      fields {\n        field\n        lines {\n          op\n          text\n        }\n      }\n    }\n  }\n": types.KnowledgeDocumentDiffDocument,
    "\n  mutation CreateKnowledgeDocument($input: KnowledgeDocumentInput!) {\n    createKnowledgeDocument(input: $input) {\n      id\n      title\n    }\n  }\n": types.CreateKnowledgeDocumentDocument,
    "\n  mutation UpdateKnowledgeDocument($id: ID!, $input: KnowledgeDocumentInput!) {\n    updateKnowledgeDocument(id: $id, input: $input) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.UpdateKnowledgeDocumentDocument,
    "\n  mutation LockKnowledgeDocument($id: ID!) {\n    lockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.LockKnowledgeDocumentDocument,
    "\n  mutation UnlockKnowledgeDocument($id: ID!) {\n    unlockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.UnlockKnowledgeDocumentDocument,
    "\n  mutation SubmitKnowledgeDocument($id: ID!) {\n    submitKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.SubmitKnowledgeDocumentDocument,
    "\n  mutation ApproveKnowledgeDocument($id: ID!, $publishAt: Time) {\n    approveKnowledgeDocument(id: $id, publishAt: $publishAt) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.ApproveKnowledgeDocumentDocument,
    "\n  mutation RejectKnowledgeDocument($id: ID!, $comment: String!) {\n    rejectKnowledgeDocument(id: $id, comment: $comment) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.RejectKnowledgeDocumentDocument,
    "\n  mutation ArchiveKnowledgeDocument($id: ID!, $at: Time) {\n    archiveKnowledgeDocument(id: $id, at: $at) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.ArchiveKnowledgeDocumentDocument,
    "\n  mutation RestoreKnowledgeDocumentVersion($versionID: ID!) {\n    restoreKnowledgeDocumentVersion(versionID: $versionID) {\n      ...KnowledgeDocumentFields\n    }\n  }\n": types.RestoreKnowledgeDocumentVersionDocument,
    "\n  mutation UploadAttachment($documentID: ID!, $file: Upload!) {\n    uploadAttachment(documentID: $documentID, file: $file) {\n      id\n      filename\n      extractionStatus\n    }\n  }\n": types.UploadAttachmentDocument,
    "\n  fragment KnowledgeHitFields on KnowledgeHit {\n    score\n    highlights {\n      field\n      snippet\n    }\n    document {\n      id\n      title\n      summary\n      status\n      pendingStatus\n      audience\n      tags\n      updatedAt\n      categories {\n        id\n        name\n      }\n    }\n  }\n": types.KnowledgeHitFieldsFragmentDoc,
    "\n  query SearchKnowledge(\n    $query: String!\n    $filter: KnowledgeSearchFilter\n    $first: Int\n    $after: Cursor\n  ) {\n    searchKnowledge(query: $query, filter: $filter, first: $first, after: $after) {\n      total\n      tookMs\n      facets {\n        count\n        category {\n          id\n          name\n          taxonomy\n        }\n      }\n      hits {\n        ...KnowledgeHitFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchKnowledgeDocument,
    "\n  query KnowledgeCategories {\n    knowledgeCategories(first: 100, orderBy: { field: SORT_ORDER, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          taxonomy\n          parentID\n          sortOrder\n        }\n      }\n    }\n  }\n": types.KnowledgeCategoriesDocument,
    "\n  query KnowledgeProductOptions {\n    products(first: 100, orderBy: { field: CODE, direction: ASC }) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n": types.KnowledgeProductOptionsDocument,
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
export function graphql(source: "\n  fragment KnowledgeDocumentFields on KnowledgeDocument {\n    id\n    title\n    summary\n    body\n    tags\n    audience\n    status\n    pendingStatus\n    currentVersion\n    publishedVersion\n    createdAt\n    updatedAt\n    publishedAt\n    publishAt\n    archiveAt\n    reviewedAt\n    reviewComment\n    lockHolderID\n    lockExpiresAt\n    lockHolder {\n      id\n      displayName\n      username\n    }\n    author {\n      id\n      displayName\n      username\n    }\n    categories {\n      id\n      name\n      taxonomy\n    }\n    products {\n      id\n      code\n      name\n    }\n    attachments {\n      id\n      filename\n      contentType\n      size\n      extractionStatus\n      extractionError\n      createdAt\n      uploadedBy {\n        id\n        displayName\n        username\n      }\n    }\n    versions(first: 100, orderBy: { field: NUMBER, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          id\n          number\n          title\n          changeNote\n          createdAt\n          author {\n            id\n            displayName\n            username\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeDocumentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeDocument($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on KnowledgeDocument {\n        ...KnowledgeDocumentFields\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentVersion($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on DocumentVersion {\n        id\n        number\n        title\n        summary\n        body\n        tags\n        changeNote\n        createdAt\n        author {\n          id\n          displayName\n          username\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DocumentVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeDocumentDiff($id: ID!, $fromVersion: Int!, $toVersion: Int!) {\n    knowledgeDocumentDiff(id: $id, fromVersion: $fromVersion, toVersion: $toVersion) {\n      fromVersion\n      toVersion\n      fields {\n        field\n        lines {\n          op\n          text\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeDocumentDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKnowledgeDocument($input: KnowledgeDocumentInput!) {\n    createKnowledgeDocument(input: $input) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').CreateKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKnowledgeDocument($id: ID!, $input: KnowledgeDocumentInput!) {\n    updateKnowledgeDocument(id: $id, input: $input) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').UpdateKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockKnowledgeDocument($id: ID!) {\n    lockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').LockKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockKnowledgeDocument($id: ID!) {\n    unlockKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').UnlockKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitKnowledgeDocument($id: ID!) {\n    submitKnowledgeDocument(id: $id) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').SubmitKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveKnowledgeDocument($id: ID!, $publishAt: Time) {\n    approveKnowledgeDocument(id: $id, publishAt: $publishAt) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').ApproveKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectKnowledgeDocument($id: ID!, $comment: String!) {\n    rejectKnowledgeDocument(id: $id, comment: $comment) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').RejectKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveKnowledgeDocument($id: ID!, $at: Time) {\n    archiveKnowledgeDocument(id: $id, at: $at) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').ArchiveKnowledgeDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreKnowledgeDocumentVersion($versionID: ID!) {\n    restoreKnowledgeDocumentVersion(versionID: $versionID) {\n      ...KnowledgeDocumentFields\n    }\n  }\n"): typeof import('./graphql').RestoreKnowledgeDocumentVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadAttachment($documentID: ID!, $file: Upload!) {\n    uploadAttachment(documentID: $documentID, file: $file) {\n      id\n      filename\n      extractionStatus\n    }\n  }\n"): typeof import('./graphql').UploadAttachmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KnowledgeHitFields on KnowledgeHit {\n    score\n    highlights {\n      field\n      snippet\n    }\n    document {\n      id\n      title\n      summary\n      status\n      pendingStatus\n      audience\n      tags\n      updatedAt\n      categories {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeHitFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchKnowledge(\n    $query: String!\n    $filter: KnowledgeSearchFilter\n    $first: Int\n    $after: Cursor\n  ) {\n    searchKnowledge(query: $query, filter: $filter, first: $first, after: $after) {\n      total\n      tookMs\n      facets {\n        count\n        category {\n          id\n          name\n          taxonomy\n        }\n      }\n      hits {\n        ...KnowledgeHitFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').SearchKnowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeCategories {\n    knowledgeCategories(first: 100, orderBy: { field: SORT_ORDER, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          taxonomy\n          parentID\n          sortOrder\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KnowledgeProductOptions {\n    products(first: 100, orderBy: { field: CODE, direction: ASC }) {\n      edges {\n        node {\n          id\n          code\n          name\n          status\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').KnowledgeProductOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerOverview {\n    all: customers(first: 1) {\n      totalCount\n    }\n    public: customers(first: 1, where: { type: PUBLIC }) {\n      totalCount\n    }\n    business: customers(first: 1, where: { type: BUSINESS }) {\n      totalCount\n    }\n    govEnterprise: customers(first: 1, where: { type: GOV_ENTERPRISE }) {\n      totalCount\n    }\n    active: customers(first: 1, where: { status: ACTIVE }) {\n      totalCount\n    }\n    dormant: customers(first: 1, where: { status: DORMANT }) {\n      totalCount\n    }\n    churned: customers(first: 1, where: { status: CHURNED }) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').CustomerOverviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
