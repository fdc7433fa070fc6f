import { graphql } from '../../gql';

export const MY_CHECK_INS_FROM = graphql(`
  query MyCheckInsFrom($from: Date) {
    myCheckIns(from: $from) {
      id
      localDate
      location
      state
      anchored
      note
    }
  }
`);

export const CHECK_IN = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      localDate
      location
      state
      anchored
      note
    }
  }
`);

export const COHORT_WEATHER = graphql(`
  query CohortWeather($cohortId: ID!, $days: Int) {
    cohortWeather(cohortId: $cohortId, days: $days) {
      clientsCheckedIn
      averageAnchored
      locations {
        location
        count
      }
      states {
        state
        count
      }
    }
  }
`);

export const MY_CHECK_IN_TREND = graphql(`
  query MyCheckInTrend($cohortId: ID!) {
    myCheckInTrend(cohortId: $cohortId) {
      days {
        localDate
        anchored
        location
        state
        week
      }
      weeks {
        week
        startsOn
        endsOn
        checkIns
        meanAnchored
        locations {
          location
          count
        }
        states {
          state
          count
        }
      }
      streak {
        current
        longest
        daysInLastSeven
        totalDays
      }
    }
  }
`);
