import { IconAddressBook, IconInbox, IconMail, IconUsersGroup } from '@tabler/icons-react';
import type { NavItem } from '../../layout/nav';

// Cohorts points at /admin/cohorts (same screen as /admin) so that the layout highlights it on a
// cohort's page (/admin/cohorts/…) but not on /admin/applications, which /admin would also match.
export const adminNav: NavItem[] = [
  { label: 'Cohorts', to: '/admin/cohorts', icon: IconUsersGroup },
  { label: 'Applications', to: '/admin/applications', icon: IconInbox },
  { label: 'People', to: '/admin/people', icon: IconAddressBook },
  { label: 'Invitations', to: '/admin/invitations', icon: IconMail },
];
