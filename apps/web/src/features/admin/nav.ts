import { IconInbox, IconMail, IconUsersGroup } from '@tabler/icons-react';
import type { NavItem } from '../../layout/nav';

export const adminNav: NavItem[] = [
  { label: 'Cohorts', to: '/admin', icon: IconUsersGroup },
  { label: 'Applications', to: '/admin/applications', icon: IconInbox },
  { label: 'Invitations', to: '/admin/invitations', icon: IconMail },
];
