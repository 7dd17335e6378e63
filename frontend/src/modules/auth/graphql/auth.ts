import { graphql } from '../../../generated';

/** Who is signed in (null when nobody) and the root operations they may use. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      kind
      name
      roles
      operations
      user {
        id
        username
        displayName
      }
    }
  }
`);

/** Staff sign-in: the server sets the HttpOnly session cookie. */
export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      expiresAt
      user {
        id
        username
        displayName
        roles
      }
    }
  }
`);

/** Ends the session and clears the cookie. */
export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Changes the signed-in user's password; the user's other sessions end. */
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
