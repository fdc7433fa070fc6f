import { graphql } from '../../gql';

export const MY_CONVERSATIONS = graphql(`
  query MyConversations {
    myConversations {
      id
      unreadCount
      lastMessageAt
      cohort {
        id
        name
      }
      participants {
        id
        name
        role
      }
    }
  }
`);

export const CONVERSATION = graphql(`
  query Conversation($id: ID!, $before: DateTime, $limit: Int) {
    conversation(id: $id) {
      id
      unreadCount
      cohort {
        id
        name
      }
      participants {
        id
        name
        role
      }
      messages(before: $before, limit: $limit) {
        id
        body
        createdAt
        crisisResources
        author {
          id
          name
        }
      }
    }
  }
`);

export const SEND_MESSAGE = graphql(`
  mutation SendMessage($conversationId: ID!, $body: String!) {
    sendMessage(conversationId: $conversationId, body: $body) {
      id
      body
      createdAt
      crisisResources
      author {
        id
        name
      }
    }
  }
`);

export const MARK_CONVERSATION_READ = graphql(`
  mutation MarkConversationRead($conversationId: ID!) {
    markConversationRead(conversationId: $conversationId) {
      id
      unreadCount
    }
  }
`);

export const START_CONVERSATION = graphql(`
  mutation StartConversation($cohortId: ID!, $withUserId: ID!) {
    startConversation(cohortId: $cohortId, withUserId: $withUserId) {
      id
    }
  }
`);

export const MESSAGE_ADDED = graphql(`
  subscription MessageAdded {
    messageAdded {
      id
      body
      createdAt
      crisisResources
      author {
        id
        name
      }
      conversation {
        id
      }
    }
  }
`);

/** Whom a client can write to: the coaches of cohorts where they hold (or held) a seat. */
export const MY_COACHES = graphql(`
  query MessageableCoaches {
    myEnrollments {
      id
      status
      cohort {
        id
        name
        coaches {
          id
          name
        }
      }
    }
  }
`);

/** Whom a coach can write to: the enrolled and graduated clients of their cohorts. */
export const MY_CLIENTS = graphql(`
  query MessageableClients {
    cohorts {
      id
      name
      enrollments {
        id
        status
        client {
          id
          name
        }
      }
    }
  }
`);
