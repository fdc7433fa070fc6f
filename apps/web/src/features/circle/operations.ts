import { graphql } from '../../gql';

export const POST_FIELDS = graphql(`
  fragment CirclePost on Post {
    id
    kind
    body
    createdAt
    editedAt
    pinned
    hidden
    removed
    hiddenReason
    crisisResources
    author {
      id
      name
    }
    reactions {
      reaction
      count
      mine
    }
    replyCount
    replies {
      id
      body
      createdAt
      removed
      author {
        id
        name
      }
    }
    sharedAnswers {
      fieldKey
      label
      value
    }
  }
`);

export const MY_CIRCLES = graphql(`
  query MyCircles {
    cohorts {
      id
      name
      status
    }
  }
`);

export const COHORT_FEED = graphql(`
  query CohortFeed($cohortId: ID!, $before: DateTime, $limit: Int) {
    cohort(id: $cohortId) {
      id
      name
    }
    cohortFeed(cohortId: $cohortId, before: $before, limit: $limit) {
      ...CirclePost
    }
  }
`);

export const CREATE_POST = graphql(`
  mutation CreatePost($cohortId: ID!, $body: String!) {
    createPost(input: { cohortId: $cohortId, body: $body }) {
      ...CirclePost
    }
  }
`);

export const REPLY_TO_POST = graphql(`
  mutation ReplyToPost($postId: ID!, $body: String!) {
    replyToPost(postId: $postId, body: $body) {
      id
      post {
        ...CirclePost
      }
    }
  }
`);

export const REACT = graphql(`
  mutation React($postId: ID!, $reaction: Reaction!) {
    react(postId: $postId, reaction: $reaction) {
      ...CirclePost
    }
  }
`);

export const PIN_POST = graphql(`
  mutation PinPost($postId: ID!, $pinned: Boolean!) {
    pinPost(postId: $postId, pinned: $pinned) {
      ...CirclePost
    }
  }
`);

export const HIDE_POST = graphql(`
  mutation HidePost($postId: ID!, $reason: String!) {
    hidePost(postId: $postId, reason: $reason) {
      ...CirclePost
    }
  }
`);

export const REPORT_POST = graphql(`
  mutation ReportPost($postId: ID!, $reason: String!) {
    reportPost(postId: $postId, reason: $reason)
  }
`);

export const DELETE_POST = graphql(`
  mutation DeletePost($postId: ID!) {
    deletePost(postId: $postId) {
      ...CirclePost
    }
  }
`);

export const FEED_EVENTS = graphql(`
  subscription CohortFeedEvents($cohortId: ID!) {
    cohortFeedEvents(cohortId: $cohortId) {
      kind
      post {
        ...CirclePost
      }
    }
  }
`);

export const SHARE_REFLECTION = graphql(`
  mutation ShareReflection($input: ShareReflectionInput!) {
    shareReflection(input: $input) {
      id
      cohort {
        id
      }
    }
  }
`);
